using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.StandIn.Validation;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>apimachinery's name and metadata syntax and core Secret validation, as pure functions, one row per rule.</summary>
public sealed class BuiltInRuleTableTests
{
    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a", true)]
    [InlineData("-a", false)]
    [InlineData("A", false)]
    [InlineData("a_b", false)]
    [InlineData("a..b", false)]
    public void Dns1123_subdomain(string name, bool valid) => Assert.Equal(valid, NameRules.Dns1123Subdomain(name).Count == 0);

    [Fact]
    public void Dns1123_subdomain_length_and_label_messages()
    {
        Assert.Equal(["must be no more than 253 characters"], NameRules.Dns1123Subdomain(new string('a', 254)));
        Assert.Equal(["must not contain dots"], NameRules.Dns1123Label("a.b"));
        Assert.Equal(
            ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
            NameRules.Dns1123Label("a_b"));
    }

    [Theory]
    [InlineData("app", 0)]
    [InlineData("k8scert.io/certificate-name", 0)]
    [InlineData("/x", 1)]
    [InlineData("Example.com/x", 1)]
    [InlineData("a/b/c", 1)]
    [InlineData("-x", 1)]
    public void Qualified_names(string key, int errors) => Assert.Equal(errors, NameRules.QualifiedName(key).Count);

    [Fact]
    public void Qualified_name_part_too_long()
    {
        Assert.Equal(["name part must be no more than 63 characters"], NameRules.QualifiedName(new string('a', 64)));
        Assert.Equal(["prefix part must be non-empty"], NameRules.QualifiedName("/a"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("v1.2_x", 0)]
    [InlineData("has space", 1)]
    [InlineData("-lead", 1)]
    public void Label_values(string value, int errors) => Assert.Equal(errors, NameRules.LabelValue(value).Count);

    [Theory]
    [InlineData("tls.crt", new string[0])]
    [InlineData(".hidden", new string[0])]
    [InlineData("..data", new[] { "must not start with '..'" })]
    [InlineData(".", new[] { "must not be '.'" })]
    public void Config_keys(string key, string[] expected) => Assert.Equal(expected, NameRules.ConfigKey(key));

    public static TheoryData<string, string[]> Secrets() => new()
    {
        { """{"type":"Opaque"}""", [] },
        { """{"type":"kubernetes.io/tls","data":{"tls.crt":"eA==","tls.key":"eA=="}}""", [] },
        { """{"type":"kubernetes.io/tls","data":{"tls.crt":"eA=="}}""", ["data[tls.key]: Required value"] },
        { """{"type":"kubernetes.io/basic-auth","data":{}}""", ["data[username]: Required value", "data[password]: Required value"] },
        { """{"type":"kubernetes.io/basic-auth","data":{"password":""}}""", [] },
        { """{"type":"kubernetes.io/ssh-auth","data":{"ssh-privatekey":""}}""", ["data[ssh-privatekey]: Required value"] },
        { """{"type":"kubernetes.io/dockerconfigjson","data":{}}""", ["data[.dockerconfigjson]: Required value"] },
        { """{"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"e30="}}""", [] },
        { """{"type":"kubernetes.io/service-account-token"}""", ["metadata.annotations[kubernetes.io/service-account.name]: Required value"] },
        { """{"type":"example.com/custom","data":{"anything":"eA=="}}""", [] },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Secret_types_require_their_keys(string secret, string[] expected) =>
        Assert.Equal(expected, SecretValidation.Validate(JsonNode.Parse(secret)!.AsObject()).Select(e => e.ToString()));

    [Fact]
    public void Immutable_secret_keeps_its_data()
    {
        var before = JsonNode.Parse("""{"type":"Opaque","immutable":true,"data":{"a":"eA=="}}""")!.AsObject();
        var after = JsonNode.Parse("""{"type":"Opaque","immutable":true,"data":{"a":"eQ=="}}""")!.AsObject();
        Assert.Equal(["data: Forbidden: field is immutable when `immutable` is set"], SecretValidation.ValidateUpdate(after, before).Select(e => e.ToString()));
    }

    [Fact]
    public void Field_errors_render_values_as_go_does()
    {
        Assert.Equal("a: Invalid value: \"q\\\"uote\": d", FieldError.Invalid("a", "q\"uote", "d").ToString());
        Assert.Equal("a: Invalid value: 3: d", FieldError.Invalid("a", 3L, "d").ToString());
        Assert.Equal("a: Invalid value: true: d", FieldError.Invalid("a", true, "d").ToString());
        Assert.Equal("a: Required value", FieldError.Required("a").ToString());
        Assert.Equal("a: Forbidden: no", FieldError.Forbidden("a", "no").ToString());
        Assert.Equal("a: Too many: must have at most 2 items", FieldError.TooMany("a", -1, 2).ToString());
        Assert.Equal("a: Unsupported value: \"x\": supported values: \"y\", \"z\"", FieldError.NotSupported("a", "x", ["y", "z"]).ToString());
    }
}
