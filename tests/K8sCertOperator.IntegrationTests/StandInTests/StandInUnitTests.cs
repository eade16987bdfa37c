using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Tables for the stand-in's pure pieces: selectors, patches, URL parsing, generation policy.</summary>
public sealed class StandInUnitTests
{
    [Theory]
    [InlineData("a=1", "a=1", true)]
    [InlineData("a=1", "a=2", false)]
    [InlineData("a=1", "", false)]
    [InlineData("a!=1", "", true)]
    [InlineData("a!=1", "a=1", false)]
    [InlineData("a in (1, 2)", "a=2", true)]
    [InlineData("a in (1,2)", "a=3", false)]
    [InlineData("a notin (1,2)", "", true)]
    [InlineData("a notin (1,2)", "a=1", false)]
    [InlineData("a", "a=", true)]
    [InlineData("!a", "a=x", false)]
    [InlineData("!a", "b=x", true)]
    [InlineData("app.kubernetes.io/name=x,!b", "app.kubernetes.io/name=x", true)]
    [InlineData("a=1,b in (x,y),!c", "a=1;b=y", true)]
    [InlineData("a=1,b in (x,y),!c", "a=1;b=y;c=z", false)]
    public void Label_selector_table(string selector, string labels, bool expected)
    {
        var map = labels.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(map));
    }

    [Theory]
    [InlineData("a in b")]
    [InlineData("=x")]
    [InlineData("a b")]
    public void Malformed_label_selector_is_BadRequest(string selector)
    {
        var failure = Assert.Throws<ApiException>(() => LabelSelector.Parse(selector));
        Assert.Equal(400, failure.Code);
    }

    // RFC 7386 appendix A examples.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merge_patch_rfc7386_examples(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    // RFC 6902 appendix A examples (subset).
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"copy","from":"/foo","path":"/baz"}]""", """{"foo":"bar","baz":"bar"}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"replace","path":"/~01","value":11}]""", """{"/":9,"~1":11}""")]
    [InlineData("""{"a":1}""", """[{"op":"test","path":"/a","value":1},{"op":"add","path":"","value":{"b":2}}]""", """{"b":2}""")]
    public void Json_patch_rfc6902_examples(string document, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch)!.AsArray());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Theory]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/nope"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"frobnicate","path":"/foo"}]""")]
    public void Json_patch_errors_are_422(string document, string patch)
    {
        var failure = Assert.Throws<ApiException>(() => JsonPatch.Apply(JsonNode.Parse(document)!, JsonNode.Parse(patch)!.AsArray()));
        Assert.Equal(422, failure.Code);
    }

    [Theory]
    [InlineData("GET", "/api/v1/namespaces/a/secrets/b", false, "get", "", "v1", "a", "secrets", "b", null)]
    [InlineData("GET", "/api/v1/namespaces/a/secrets", false, "list", "", "v1", "a", "secrets", null, null)]
    [InlineData("GET", "/api/v1/namespaces/a/secrets", true, "watch", "", "v1", "a", "secrets", null, null)]
    [InlineData("GET", "/api/v1/namespaces", false, "list", "", "v1", null, "namespaces", null, null)]
    [InlineData("GET", "/api/v1/namespaces/a", false, "get", "", "v1", null, "namespaces", "a", null)]
    [InlineData("PUT", "/api/v1/namespaces/a/status", false, "update", "", "v1", null, "namespaces", "a", "status")]
    [InlineData("PATCH", "/apis/k8scert.io/v1/namespaces/n/certificates/c/status", false, "patch", "k8scert.io", "v1", "n", "certificates", "c", "status")]
    [InlineData("GET", "/apis/k8scert.io/v1/certificates", false, "list", "k8scert.io", "v1", null, "certificates", null, null)]
    [InlineData("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", false, "create", "apiextensions.k8s.io", "v1", null, "customresourcedefinitions", null, null)]
    [InlineData("DELETE", "/apis/k8scert.io/v1/namespaces/n/certificates", false, "deletecollection", "k8scert.io", "v1", "n", "certificates", null, null)]
    public void Request_paths_parse(string method, string path, bool watch, string verb, string group, string version, string? ns, string plural, string? name, string? subresource)
    {
        var parsed = ApiRequest.Parse(method, path, watch);
        Assert.Equal(new ApiRequest(verb, path, group, version, ns, plural, name, subresource), parsed);
    }

    [Theory]
    [InlineData("GET", "/version")]
    [InlineData("GET", "/apis/k8scert.io")]
    [InlineData("POST", "/api/v1/namespaces/a/secrets/b")]
    [InlineData("GET", "/api/v1/namespaces/a/secrets/b/status/extra")]
    public void Non_resource_paths_do_not_parse(string method, string path) =>
        Assert.Null(ApiRequest.Parse(method, path, false));

    [Theory]
    [InlineData("""{"spec":{"a":1},"status":{"s":1}}""", """{"spec":{"a":2},"status":{"s":1}}""", true, true)]
    [InlineData("""{"spec":{"a":1},"status":{"s":1}}""", """{"spec":{"a":1},"status":{"s":2}}""", true, false)]
    [InlineData("""{"spec":{"a":1},"status":{"s":1}}""", """{"spec":{"a":1},"status":{"s":2}}""", false, true)]
    [InlineData("""{"metadata":{"labels":{"a":"b"}},"data":{"k":"dg=="}}""", """{"metadata":{"labels":{"a":"c"}},"data":{"k":"dg=="}}""", false, false)]
    [InlineData("""{"data":{"k":"dg=="}}""", """{"data":{"k":"dw=="}}""", false, true)]
    [InlineData("""{"spec":{}}""", """{"spec":{},"extra":1}""", true, true)]
    public void Generation_policy_table(string before, string after, bool hasStatusSubresource, bool bumps) =>
        Assert.Equal(bumps, GenerationPolicy.ShouldBump(JsonNode.Parse(before)!.AsObject(), JsonNode.Parse(after)!.AsObject(), hasStatusSubresource));
}
