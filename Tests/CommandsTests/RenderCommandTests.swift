import Foundation
import Testing
import Commands

@Suite struct RenderCommandTests {
    static func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "octobatch-render-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func rendersWithInlineContextExactly() async throws {
        let dir = try Self.directory(["t.jinja2": "Path: {{ path }}\n{% for x in xs %}\n- {{ x }}\n{% endfor %}\n"])
        let run = await ToolRun.run(["render", dir + "/t.jinja2", "--context", #"{"path": [5, 4], "xs": ["a", "b"]}"#])
        #expect(run.code == .success)
        #expect(run.stdout == "Path: [5, 4]\n\n- a\n\n- b\n\n")
    }

    @Test func contextFromFileAndIncludeOfASibling() async throws {
        let dir = try Self.directory(["main.jinja2": "<{% include 'part.jinja2' %}>", "part.jinja2": "{{ npc.name }}",
                                      "ctx.json": #"{"npc": {"name": "Elder"}}"#])
        let run = await ToolRun.run(["render", dir + "/main.jinja2", "--context", "@" + dir + "/ctx.json"])
        #expect(run.code == .success)
        #expect(run.stdout == "<Elder>")
    }

    @Test func renderErrorExitsOneWithALocatedMessage() async throws {
        let dir = try Self.directory(["t.jinja2": "ok\n  {{ npc.age }}\n"])
        let run = await ToolRun.run(["render", dir + "/t.jinja2", "--context", #"{"npc": {}}"#])
        #expect(run.code == .failure)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("t.jinja2:2:10: error: 'dict object' has no attribute 'age' [template.undefined-variable]"))
        #expect(run.stderr.contains("{{ npc.age }}"))
    }

    @Test func syntaxErrorIsALocatedUsageError() async throws {
        let dir = try Self.directory(["t.jinja2": "{% if x %}\nno end"])
        let run = await ToolRun.run(["render", dir + "/t.jinja2"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("t.jinja2:2:7: error: Unexpected end of template"))
    }

    @Test func directoryIsReservedForPipelines() async throws {
        let dir = try Self.directory([:])
        let run = await ToolRun.run(["render", dir])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("is a directory"))
    }

    @Test func contextMustBeAnObject() async throws {
        let dir = try Self.directory(["t.jinja2": "x"])
        let run = await ToolRun.run(["render", dir + "/t.jinja2", "--context", "[1]"])
        #expect(run.code == .usage)
        #expect(run.stderr.contains("must be a JSON object"))
    }

    @Test func jsonlWritesOneLinePerRequestInOrder() async throws {
        let input = """
            {"template": "Hi {{ name }}!", "context": {"name": "Ann"}}
            {"template": "{{ missing }}", "context": {}}

            {"template": "Hi {{ name }}!", "context": {"name": "Bob"}}
            {"template": "{% if %}", "context": {}}
            not json
            {"template": "{{ x | tojson }}", "context": {"x": {"b": "\\u00e9<", "a": 1}}}
            """
        let run = await ToolRun.run(["render", "--jsonl"], stdin: input)
        #expect(run.code == .failure)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines[0] == #"{"output": "Hi Ann!"}"#)
        #expect(lines[1] == #"{"error": "<template>:1:4: 'missing' is undefined"}"#)
        #expect(lines[2] == #"{"output": "Hi Bob!"}"#)
        #expect(lines[3].hasPrefix(#"{"error": "<template>:1:7: "#))
        #expect(lines[4] == #"{"error": "invalid request: expected a JSON object"}"#)
        #expect(lines[5] == #"{"output": "{\"a\": 1, \"b\": \"\\u00e9\\u003c\"}"}"#)
        #expect(lines[6].isEmpty)
    }
}
