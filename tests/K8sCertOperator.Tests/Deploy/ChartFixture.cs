using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>Loads the chart and renders its templates with the mini renderer.</summary>
internal static class ChartFixture
{
    public const string ReleaseNamespace = "k8s-cert-operator";

    public static JsonObject ChartYaml => YamlJson.ParseOne(File.ReadAllText(DeployFiles.Chart("Chart.yaml")));

    public static JsonObject DefaultValues => YamlJson.ParseOne(File.ReadAllText(DeployFiles.Chart("values.yaml")));

    public static IEnumerable<string> TemplateFiles =>
        Directory.EnumerateFiles(DeployFiles.Chart("templates")).Order(StringComparer.Ordinal);

    /// <summary>Every rendered object of every template, with <paramref name="values"/> (defaults when null).</summary>
    public static IReadOnlyList<JsonObject> Render(JsonObject? values = null)
    {
        var renderer = new MiniHelmRenderer(values ?? DefaultValues, "cert", ReleaseNamespace, ChartYaml);
        renderer.AddHelpers(File.ReadAllText(DeployFiles.Chart("templates", "_helpers.tpl")));
        return TemplateFiles
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal))
            .SelectMany(f => YamlJson.ParseAll(renderer.Render(File.ReadAllText(f))))
            .ToList();
    }

    public static JsonObject Of(IEnumerable<JsonObject> docs, string kind) => docs.Single(d => d["kind"]!.GetValue<string>() == kind);

    public static int Count(IEnumerable<JsonObject> docs, string kind) => docs.Count(d => d["kind"]!.GetValue<string>() == kind);
}
