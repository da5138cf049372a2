import Basics
import Testing

/// `str()`/`repr()` against CPython 3.11 output.
@Suite struct PythonReprTests {
    @Test(arguments: [
        (Value.array(["7", "K"]), "['7', 'K']"),
        (Value.object(["a": 1, "b": [true, nil]]), "{'a': 1, 'b': [True, None]}"),
        (.tuple([1]), "(1,)"), (.tuple([]), "()"), (.tuple([1, "x"]), "(1, 'x')"),
        (.set([]), "set()"), (.set([1, 2]), "{1, 2}"),
        (.double(0.5), "0.5"), (.double(1e16), "1e+16"), (.double(9007199254740992.0), "9007199254740992.0"),
        (.double(9.999999999999998e15), "9999999999999998.0"), (.double(-9.5e15), "-9500000000000000.0"),
        (.double(123456789012345.6), "123456789012345.6"), (.double(1.5e-05), "1.5e-05"), (.double(.infinity), "inf"), (.double(-.nan), "nan"),
        (.string("it's"), "\"it's\""), (.string("a'b\"c"), "'a\\'b\"c'"), (.string("tab\there\n"), "'tab\\there\\n'"),
        (.string("é—😀"), "'é—😀'"), (.string("\u{0}\u{7f}\u{a0}\u{2028}"), "'\\x00\\x7f\\xa0\\u2028'"),
        (.string("back\\slash"), "'back\\\\slash'"),
        (.string("plain words, 42!"), "'plain words, 42!'"), (.string("say \"hi\""), "'say \"hi\"'"),
        (.string("'"), "\"'\""), (.string(""), "''"),
    ])
    func repr(value: Value, expected: String) {
        #expect(value.pythonRepr == expected)
    }

    @Test func strOfStringIsTheStringItself() {
        #expect(Value.string("it's").pythonStr == "it's")
        #expect(Value.array(["it's"]).pythonStr == "[\"it's\"]")
        #expect(Value.bool(false).pythonStr == "False")
    }
}
