import Basics

extension UnitGenerator {
    /// Where the item list is in the items document: under `items.key`, or the document itself.
    var listPath: ConfigPath { spec.itemsKey.map { ConfigPath([.key($0)]) } ?? ConfigPath() }

    /// The fields a unit id may come from, in order, without repeats (`name_field`, `id`, `name`).
    var nameFields: [String] {
        var fields = [spec.nameField]
        for fallback in ["id", "name"] where !fields.contains(fallback) { fields.append(fallback) }
        return fields
    }

    /// "'id' or 'name'" for messages.
    var nameFieldList: String {
        let quoted = nameFields.map { "'\($0)'" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }

    /// The place of item `index`'s name (the field that gave it, else the item itself).
    func namePath(_ list: ConfigPath, _ index: Int, _ item: ValueObject, fields: [String]) -> ConfigPath {
        let itemPath = list.appending(index)
        return fields.first { item[$0] != nil }.map { itemPath.appending($0) } ?? itemPath
    }

    /// The index of the first item whose name repeats an earlier one.
    static func firstRepeatedName(_ names: [String]) -> Int? {
        var seen = Set<String>()
        return names.firstIndex { !seen.insert($0).inserted }
    }

    /// The item list selected by `items.key` (or the whole document).
    func itemList(_ document: Value) throws(UnitGenerationError) -> [Value] {
        var list = document
        if let key = spec.itemsKey {
            guard case .object(let object) = document else {
                throw UnitGenerationError(.itemsShape,
                    "the items file must be a mapping when processing.items.key is set (it is a \(document.jsonTypeName))")
            }
            guard let selected = object[key], !selected.isNull else {
                throw UnitGenerationError(.missingSourceKey,
                    "key '\(key)' not found in the items file (it has: \(object.keys.joined(separator: ", ")))")
            }
            list = selected
        }
        guard case .array(let items) = list else {
            throw UnitGenerationError(.itemsShape, "the items must be a list, not a \(list.jsonTypeName)",
                                      itemPath: listPath)
        }
        return items
    }

    func item(_ value: Value, at index: Int, in list: ConfigPath) throws(UnitGenerationError) -> ValueObject {
        guard case .object(let object) = value else {
            throw UnitGenerationError(.itemsShape, "item \(index + 1) is a \(value.jsonTypeName), not a mapping",
                                      itemPath: list.appending(index))
        }
        return object
    }

    func requirePositions() throws(UnitGenerationError) {
        if spec.positions.isEmpty {
            throw UnitGenerationError(.missingPositions,
                "processing.positions is required for the \(spec.strategy.rawValue) strategy")
        }
    }

    func permutationUnits(_ document: Value) throws(UnitGenerationError) -> [ValueObject] {
        try requirePositions()
        let raw = try itemList(document)
        var items: [ValueObject] = []
        for (i, value) in raw.enumerated() { items.append(try item(value, at: i, in: listPath)) }
        let k = spec.positions.count
        guard items.count >= k else {
            throw UnitGenerationError(.notEnoughItems,
                "not enough items (\(items.count)) for \(k) positions; the permutation strategy needs at least \(k)")
        }
        var total = 1
        for i in 0..<k {
            total = total.multipliedReportingOverflow(by: items.count - i).partialValue
            if total > maximumUnits || total <= 0 {
                throw UnitGenerationError(.tooMany, "the permutation strategy would create more than \(maximumUnits) units")
            }
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard !Self.isFalsy(item[spec.nameField]), let name = item[spec.nameField] else {
                throw UnitGenerationError(.missingName,
                    "item \(item.pythonRepr) has no '\(spec.nameField)' to build the unit id from",
                    itemPath: listPath.appending(index))
            }
            names.append(Self.sanitize(name))
        }
        var units: [ValueObject] = []
        units.reserveCapacity(total)
        var seen = Set<String>()
        var chosen: [Int] = []
        var used = [Bool](repeating: false, count: items.count)
        // Lexicographic order of index tuples, as itertools.permutations produces.
        func extend() throws(UnitGenerationError) {
            if chosen.count == k {
                let id = chosen.map { names[$0] }.joined(separator: "-")
                guard seen.insert(id).inserted else {
                    let repeated = Self.firstRepeatedName(names)
                    throw UnitGenerationError(.duplicateUnitID,
                        "duplicate unit id '\(id)'; every item needs a unique '\(spec.nameField)'",
                        itemPath: repeated.map { listPath.appending($0).appending(spec.nameField) })
                }
                var unit = ValueObject(minimumCapacity: k + 1)
                unit["unit_id"] = .string(id)
                for (slot, index) in chosen.enumerated() { unit[spec.positions[slot].name] = .object(items[index]) }
                units.append(unit)
                return
            }
            for index in items.indices where !used[index] {
                used[index] = true
                chosen.append(index)
                try extend()
                chosen.removeLast()
                used[index] = false
            }
        }
        try extend()
        return units
    }

    func crossProductUnits(_ document: Value) throws(UnitGenerationError) -> [ValueObject] {
        try requirePositions()
        guard case .object(let groups) = document else {
            throw UnitGenerationError(.itemsShape,
                "the items file must be a mapping of lists for the cross_product strategy (it is a \(document.jsonTypeName))")
        }
        var lists: [[ValueObject]] = []
        var names: [[String]] = []
        var total = 1
        for (slot, position) in spec.positions.enumerated() {
            let key = position.sourceKey ?? position.name + "s"
            guard let group = groups[key] else {
                let place = ConfigPath([.key("processing"), .key("positions"), .index(slot)])
                throw UnitGenerationError(.missingSourceKey,
                    "missing '\(key)' in the items file for position '\(position.name)' (it has: \(groups.keys.joined(separator: ", ")))",
                    configPath: position.sourceKey == nil ? place : place.appending("source_key"))
            }
            guard case .array(let raw) = group else {
                throw UnitGenerationError(.itemsShape, "'\(key)' must be a list, not a \(group.jsonTypeName)")
            }
            var items: [ValueObject] = []
            var groupNames: [String] = []
            let groupPath = ConfigPath([.key(key)])
            for (i, value) in raw.enumerated() {
                let object = try item(value, at: i, in: groupPath)
                let name = object[spec.nameField] ?? object["id"] ?? object["name"]
                guard !Self.isFalsy(name), let name else {
                    throw UnitGenerationError(.missingName,
                        "item \(object.pythonRepr) of '\(key)' has no \(nameFieldList) for the unit id",
                        itemPath: groupPath.appending(i))
                }
                items.append(object)
                groupNames.append(Self.sanitize(name))
            }
            lists.append(items)
            names.append(groupNames)
            total = total.multipliedReportingOverflow(by: items.count).partialValue
            if total > maximumUnits || total < 0 {
                throw UnitGenerationError(.tooMany, "the cross_product strategy would create more than \(maximumUnits) units")
            }
        }
        var units: [ValueObject] = []
        var seen = Set<String>()
        guard total > 0 else { return [] }
        var odometer = [Int](repeating: 0, count: lists.count)
        while true {
            let id = odometer.enumerated().map { names[$0.offset][$0.element] }.joined(separator: "-")
            guard seen.insert(id).inserted else {
                throw UnitGenerationError(.duplicateUnitID, "duplicate unit id '\(id)'",
                                          itemPath: repeatedNamePath(lists: lists, names: names))
            }
            var unit = ValueObject(minimumCapacity: lists.count + 1)
            unit["unit_id"] = .string(id)
            for (slot, index) in odometer.enumerated() { unit[spec.positions[slot].name] = .object(lists[slot][index]) }
            units.append(unit)
            // Advance the rightmost position first, as itertools.product does.
            var slot = lists.count - 1
            while slot >= 0 {
                odometer[slot] += 1
                if odometer[slot] < lists[slot].count { break }
                odometer[slot] = 0
                slot -= 1
            }
            if slot < 0 { return units }
        }
    }

    func directUnits(_ document: Value) throws(UnitGenerationError) -> [ValueObject] {
        let raw = try itemList(document)
        var units: [ValueObject] = []
        units.reserveCapacity(raw.count)
        var seen = Set<String>()
        for (i, value) in raw.enumerated() {
            let object = try item(value, at: i, in: listPath)
            let name = object[spec.nameField] ?? object["id"] ?? object["name"]
            guard !Self.isFalsy(name), let name else {
                throw UnitGenerationError(.missingName,
                    "item \(i + 1) has no \(nameFieldList) to build the unit id from",
                    itemPath: listPath.appending(i))
            }
            let id = Self.sanitize(name)
            guard seen.insert(id).inserted else {
                throw UnitGenerationError(.duplicateUnitID, "duplicate unit id '\(id)' (item \(i + 1))",
                                          itemPath: namePath(listPath, i, object, fields: nameFields))
            }
            var unit = ValueObject(minimumCapacity: object.count + 1)
            unit["unit_id"] = .string(id)
            for position in spec.positions {
                if let value = object[position.name] { unit[position.name] = value }
            }
            for (key, value) in object where !unit.contains(key) { unit[key] = value }
            units.append(unit)
        }
        return units
    }
}

extension UnitGenerator {
    /// The name field of the first cross_product item whose name repeats one of its group.
    func repeatedNamePath(lists: [[ValueObject]], names: [[String]]) -> ConfigPath? {
        for (slot, groupNames) in names.enumerated() {
            guard let index = Self.firstRepeatedName(groupNames) else { continue }
            let position = spec.positions[slot]
            let group = ConfigPath([.key(position.sourceKey ?? position.name + "s")])
            return namePath(group, index, lists[slot][index], fields: nameFields)
        }
        return nil
    }
}

extension ValueObject {
    /// Python `repr()` of the object as a dict.
    var pythonRepr: String { Value.object(self).pythonRepr }
}
