using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>The renderer agrees with helm's semantics on the subset the chart uses.</summary>
public class MiniHelmRendererTests
{
    private const string Values = """{"n":2,"one":1,"s":"x","empty":"","on":true,"off":false,"list":["a","b"],"map":{"k":"v","n":3}}""";

    [Theory]
    [InlineData("{{ .Values.s }}", "x")]
    [InlineData("{{ .Values.n }}", "2")]
    [InlineData("{{ .Values.on }}", "true")]
    [InlineData("{{ .Values.missing }}", "")]
    [InlineData("{{ .Values.s | quote }}", "\"x\"")]
    [InlineData("{{ .Values.empty | default \"d\" }}", "d")]
    [InlineData("{{ .Values.s | default \"d\" }}", "x")]
    [InlineData("{{ default \"d\" .Values.missing }}", "d")]
    [InlineData("{{ .Release.Namespace }}/{{ .Release.Name }}/{{ .Chart.AppVersion }}", "ns/rel/1.2.3")]
    [InlineData("a\n  {{- .Values.s }}", "ax")]
    [InlineData("{{ .Values.s -}}\n  b", "xb")]
    [InlineData("{{- if .Values.on }}y{{- else }}n{{- end }}", "y")]
    [InlineData("{{- if .Values.off }}y{{- else }}n{{- end }}", "n")]
    [InlineData("{{- if .Values.empty }}y{{- end }}", "")]
    [InlineData("{{- if gt (int .Values.n) 1 }}y{{- end }}", "y")]
    [InlineData("{{- if gt (int .Values.one) 1 }}y{{- end }}", "")]
    [InlineData("{{- range .Values.list }}[{{ . }}]{{- end }}", "[a][b]")]
    [InlineData("k:\n  {{- toYaml .Values.map | nindent 2 }}", "k:\n  k: \"v\"\n  n: 3")]
    [InlineData("{{/* comment */}}z", "z")]
    [InlineData("{{ include \"t\" . | nindent 2 }}", "\n  x")]
    public void Renders_like_helm(string template, string expected)
    {
        var renderer = new MiniHelmRenderer(JsonNode.Parse(Values)!.AsObject(), "rel", "ns", new JsonObject { ["appVersion"] = "1.2.3" });
        renderer.AddHelpers("{{- define \"t\" -}}\n{{ .Values.s }}\n{{- end }}");
        Assert.Equal(expected, renderer.Render(template));
    }

    [Theory]
    [InlineData("{{ .Values.s | upper }}")]
    [InlineData("{{- if .Values.on }}unclosed")]
    [InlineData("{{ tpl .Values.s . }}")]
    public void Rejects_what_it_does_not_support(string template)
    {
        var renderer = new MiniHelmRenderer(JsonNode.Parse(Values)!.AsObject(), "rel", "ns", new JsonObject());
        Assert.ThrowsAny<Exception>(() => renderer.Render(template));
    }

    [Fact]
    public void Words_are_the_functions_and_keywords_only() =>
        Assert.Equal(["include", "nindent"], MiniHelmRenderer.Words("include \"x.y\" . | nindent 4"));
}
