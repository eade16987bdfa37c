using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.StandIn.Validation;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// The openAPIV3Schema keywords, one case each, as kube-openapi and apiextensions-apiserver report them
/// (pure functions over a schema and a value).
/// </summary>
public sealed class SchemaRuleTableTests
{
    public static TheoryData<string, string, string[]> Cases() => new()
    {
        // schema, value at "x", expected errors
        { """{"type":"string"}""", "\"ok\"", [] },
        { """{"type":"string"}""", "5", ["x: Invalid value: \"integer\": x in body must be of type string: \"integer\""] },
        { """{"type":"integer"}""", "1.5", ["x: Invalid value: \"number\": x in body must be of type integer: \"number\""] },
        { """{"type":"integer"}""", "2.0", [] },
        { """{"type":"number"}""", "2", [] },
        { """{"type":"string"}""", "null", ["x: Invalid value: \"null\": x in body must be of type string: \"null\""] },
        { """{"type":"string","nullable":true}""", "null", [] },
        { """{"x-kubernetes-int-or-string":true}""", "\"50%\"", [] },
        { """{"x-kubernetes-int-or-string":true}""", "8", [] },
        { """{"x-kubernetes-int-or-string":true}""", "true", ["x: Invalid value: \"boolean\": x in body must be of type integer,string: \"boolean\""] },
        { """{"type":"string","enum":["a","b"]}""", "\"c\"", ["x: Unsupported value: \"c\": supported values: \"a\", \"b\""] },
        { """{"type":"integer","enum":[1,2]}""", "3", ["x: Unsupported value: 3: supported values: \"1\", \"2\""] },
        { """{"type":"string","enum":["a"]}""", "5", ["x: Invalid value: \"integer\": x in body must be of type string: \"integer\"", "x: Unsupported value: 5: supported values: \"a\""] },
        { """{"type":"string","pattern":"^a+$"}""", "\"b\"", ["x: Invalid value: \"b\": x in body should match '^a+$'"] },
        { """{"type":"string","minLength":2}""", "\"é\"", ["x: Invalid value: \"é\": x in body should be at least 2 chars long"] },
        { """{"type":"string","maxLength":2}""", "\"éé\"", [] },
        { """{"type":"string","maxLength":2}""", "\"ééé\"", ["x: Too long: may not be longer than 2"] },
        { """{"type":"integer","minimum":1}""", "0", ["x: Invalid value: 0: x in body should be greater than or equal to 1"] },
        { """{"type":"integer","minimum":1,"exclusiveMinimum":true}""", "1", ["x: Invalid value: 1: x in body should be greater than 1"] },
        { """{"type":"integer","maximum":9}""", "10", ["x: Invalid value: 10: x in body should be less than or equal to 9"] },
        { """{"type":"number","maximum":9,"exclusiveMaximum":true}""", "9", ["x: Invalid value: 9: x in body should be less than 9"] },
        { """{"type":"array","items":{"type":"string"},"minItems":1}""", "[]", ["x: Invalid value: 0: x in body should have at least 1 items"] },
        { """{"type":"array","items":{"type":"string"},"maxItems":1}""", "[\"a\",\"b\"]", ["x: Too many: 2: must have at most 1 items"] },
        { """{"type":"array","items":{"type":"string","minLength":1}}""", "[\"a\",\"\"]", ["x[1]: Invalid value: \"\": x[1] in body should be at least 1 chars long"] },
        { """{"type":"object","maxProperties":1,"additionalProperties":{"type":"string"}}""", """{"a":"1","b":"2"}""", ["x: Too many: 2: must have at most 1 items"] },
        { """{"type":"object","minProperties":1}""", "{}", ["x: Invalid value: 0: x in body should have at least 1 properties"] },
        { """{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", "{}", ["x.a: Required value"] },
        { """{"type":"object","additionalProperties":{"type":"integer"}}""", """{"k":"v"}""", ["x.k: Invalid value: \"string\": x.k in body must be of type integer: \"string\""] },
        { """{"type":"string","format":"byte"}""", "\"aGk=\"", [] },
        { """{"type":"string","format":"byte"}""", "\"not base64!\"", ["x: Invalid value: \"not base64!\": x in body must be of type byte: \"not base64!\""] },
        { """{"type":"string","format":"date-time"}""", "\"2026-01-02T03:04:05Z\"", [] },
        { """{"type":"string","format":"date-time"}""", "\"yesterday\"", ["x: Invalid value: \"yesterday\": x in body must be of type date-time: \"yesterday\""] },
        { """{"type":"object","x-kubernetes-preserve-unknown-fields":true}""", """{"any":{"thing":1}}""", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schema_keyword_is_enforced_with_upstream_wording(string schema, string value, string[] expected)
    {
        var node = SchemaNode.Parse(JsonNode.Parse(schema)!.AsObject());
        var errors = SchemaValidation.Validate(JsonNode.Parse(value), node, "x");
        Assert.Equal(expected, errors.Select(e => e.ToString()));
    }

    public static TheoryData<string, string, string> PruneAndDefaultCases() => new()
    {
        // schema, object, stored result
        { """{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":"x","b":"y"}""", """{"a":"x"}""" },
        { """{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"a":{"type":"object","properties":{}}}}""", """{"a":{"drop":1},"keep":2}""", """{"a":{},"keep":2}""" },
        { """{"type":"object","properties":{"m":{"type":"object","additionalProperties":{"type":"string"}}}}""", """{"m":{"k":"v"}}""", """{"m":{"k":"v"}}""" },
        { """{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":null}""", """{}""" },
        { """{"type":"object","properties":{"a":{"type":"string","nullable":true}}}""", """{"a":null}""", """{"a":null}""" },
        { """{"type":"object","properties":{"a":{"type":"string","default":"d"}}}""", """{}""", """{"a":"d"}""" },
        { """{"type":"object","properties":{"a":{"type":"string","default":"d"}}}""", """{"a":null}""", """{"a":"d"}""" },
        { """{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"string","default":"d"}}}}}""", """{}""", """{}""" },
        { """{"type":"object","properties":{"o":{"type":"object","default":{},"properties":{"a":{"type":"string","default":"d"}}}}}""", """{}""", """{"o":{"a":"d"}}""" },
        { """{"type":"object","properties":{"l":{"type":"array","items":{"type":"object","properties":{"a":{"type":"integer","default":1}}}}}}""", """{"l":[{},{"a":2}]}""", """{"l":[{"a":1},{"a":2}]}""" },
    };

    [Theory]
    [MemberData(nameof(PruneAndDefaultCases))]
    public void Unknown_fields_are_pruned_and_defaults_applied(string schema, string value, string expected)
    {
        var root = SchemaNode.Parse(JsonNode.Parse(schema)!.AsObject());
        var obj = JsonNode.Parse(value)!.AsObject();
        SchemaPruning.PruneObject(obj, root);
        SchemaDefaulting.Apply(obj, root);
        Assert.Equal(expected, obj.ToJsonString());
    }

    [Fact]
    public void List_type_map_refuses_repeated_keys()
    {
        var schema = SchemaNode.Parse(JsonNode.Parse("""
            {"type":"object","properties":{"conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],
             "items":{"type":"object","properties":{"type":{"type":"string"}}}}}}
            """)!.AsObject());
        var errors = new List<FieldError>();
        ListTypeValidation.Validate(JsonNode.Parse("""{"conditions":[{"type":"Ready"},{"type":"Ready"}]}"""), schema, "status", errors);
        Assert.Equal(["status.conditions[1]: Duplicate value: map[string]interface {}{\"type\":\"Ready\"}"], errors.Select(e => e.ToString()));
    }
}
