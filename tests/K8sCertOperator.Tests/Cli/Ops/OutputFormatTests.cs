using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Policies;
using YamlDotNet.Serialization;

namespace K8sCertOperator.Tests.Cli.Ops;

public sealed class OutputFormatTests
{
    [Fact]
    public void YamlTextRoundTripsThroughAYamlParser()
    {
        var report = new JsonObject
        {
            ["name"] = "web",
            ["tricky"] = "yes: no # 'quoted' \"double\"",
            ["count"] = 3,
            ["flag"] = true,
            ["nothing"] = null,
            ["empty"] = new JsonArray(),
            ["list"] = new JsonArray("a", "b"),
            ["objects"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }, new JsonObject { ["type"] = "Issuing" }),
            ["nested"] = new JsonObject { ["inner"] = new JsonObject { ["x"] = "1" } },
        };

        var yaml = YamlText.Write(report);
        var parsed = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(yaml);

        Assert.Equal("web", parsed["name"]);
        Assert.Equal("yes: no # 'quoted' \"double\"", parsed["tricky"]);
        Assert.Equal("3", parsed["count"]);
        Assert.Null(parsed["nothing"]);
        Assert.Equal(["a", "b"], ((List<object>)parsed["list"]!).Cast<string>());
        var objects = (List<object>)parsed["objects"]!;
        Assert.Equal("True", ((Dictionary<object, object>)objects[0])["status"]);
        Assert.Equal("Issuing", ((Dictionary<object, object>)objects[1])["type"]);
        Assert.Equal("1", ((Dictionary<object, object>)((Dictionary<object, object>)parsed["nested"]!)["inner"])["x"]);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ tab \t newline \n")]
    [InlineData("<html> & 'apostrophe' +1")]
    [InlineData("caf\u00e9 \u65e5\u672c \U0001F389")]
    [InlineData("\u0001\u001f\u007f")]
    public void YamlTextEscapesStringsExactlyAsTheJsonSerializerDoes(string value)
    {
        // The AOT-safe escaping must keep -o yaml output byte-identical to the serializer-based one it replaced.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value) + "\n", YamlText.Write(JsonValue.Create(value)));
    }

    [Theory]
    [InlineData(0, "2026-02-03T04:05:06Z")]
    [InlineData(250, "2026-02-03T04:05:06.25Z")]
    public void RenewAnnotationIsRfc3339WithSubSecondPrecisionWhenThereIsOne(int milliseconds, string expected)
    {
        var patch = JsonNode.Parse(CertificateRenewer.AnnotationPatch(new DateTimeOffset(2026, 2, 3, 4, 5, 6, milliseconds, TimeSpan.Zero)))!;
        Assert.Equal(expected, patch["metadata"]!["annotations"]![PolicyAnnotations.RenewRequestedAt]!.GetValue<string>());
    }
}
