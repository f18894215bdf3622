using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>
/// A checker for the subset of JSON Schema that docs/rule.schema.json and
/// docs/diagnosis.schema.json use (type — one name or a list, "null" included — properties,
/// required, additionalProperties, items, minItems, enum, minimum, maximum, pattern, oneOf,
/// allOf, local $ref). No validator package restores here, and the subset is small.
/// </summary>
internal sealed class SchemaChecker(JsonNode schemaRoot)
{
    public List<string> Check(JsonNode? value) => Check(schemaRoot, value, "$");

    private List<string> Check(JsonNode schema, JsonNode? value, string at)
    {
        var errors = new List<string>();
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = reference["#/".Length..].Split('/').Aggregate((JsonNode?)schemaRoot, (node, key) => node?[key])
                ?? throw new InvalidOperationException($"unresolved $ref {reference}");
            errors.AddRange(Check(target, value, at));
        }

        if (schema["type"] is { } type && !HasAnyType(value, type))
        {
            errors.Add($"{at}: expected {(type is JsonArray ? type.ToJsonString() : type.GetValue<string>())}, found {value?.ToJsonString() ?? "null"}");
            return errors;
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{at}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }

        if (value is JsonValue scalar)
        {
            CheckScalar(schema, scalar, at, errors);
        }

        if (value is JsonObject obj)
        {
            CheckObject(schema, obj, at, errors);
        }

        if (value is JsonArray array)
        {
            if (schema["minItems"] is { } min && array.Count < min.GetValue<int>())
            {
                errors.Add($"{at}: needs at least {min} items");
            }

            if (schema["items"] is { } items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    errors.AddRange(Check(items, array[i], $"{at}[{i}]"));
                }
            }
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            errors.AddRange(Check(part!, value, at));
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count(o => Check(o!, value, at).Count == 0) != 1)
        {
            errors.Add($"{at}: must match exactly one of {oneOf.ToJsonString()}");
        }

        return errors;
    }

    private static void CheckScalar(JsonNode schema, JsonValue scalar, string at, List<string> errors)
    {
        if (scalar.TryGetValue<double>(out var number))
        {
            if (schema["minimum"] is { } min && number < min.GetValue<double>())
            {
                errors.Add($"{at}: {number} is below {min}");
            }

            if (schema["maximum"] is { } max && number > max.GetValue<double>())
            {
                errors.Add($"{at}: {number} is above {max}");
            }
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && scalar.TryGetValue<string>(out var text) && !Regex.IsMatch(text, pattern))
        {
            errors.Add($"{at}: '{text}' does not match {pattern}");
        }
    }

    private void CheckObject(JsonNode schema, JsonObject obj, string at, List<string> errors)
    {
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{at}: missing {required}");
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (key, child) in obj)
        {
            if (properties?[key] is { } property)
            {
                errors.AddRange(Check(property, child, $"{at}.{key}"));
            }
            else if (schema["additionalProperties"] is JsonValue flag && flag.GetValue<bool>() == false)
            {
                errors.Add($"{at}: unknown property {key}");
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                errors.AddRange(Check(additional, child, $"{at}.{key}"));
            }
        }
    }

    private static bool HasAnyType(JsonNode? value, JsonNode type) =>
        type is JsonArray names ? names.Any(n => HasType(value, n!.GetValue<string>())) : HasType(value, type.GetValue<string>());

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.TryGetValue<string>(out _),
        "number" => value is JsonValue v && v.TryGetValue<double>(out _),
        "integer" => value is JsonValue v && v.TryGetValue<double>(out var d) && d == Math.Floor(d),
        "boolean" => value is JsonValue v && v.TryGetValue<bool>(out _),
        _ => throw new InvalidOperationException($"the checker does not know type {type}"),
    };
}
