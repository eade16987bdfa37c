using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Manifests;
using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// `convert [-f FILE|-] --to k8scert|cert-manager [-o yaml|json]`: rewrites manifests between cert-manager's API
/// and this operator's (see <see cref="ManifestConverter"/>). Documents keep their order; -o json writes one
/// object, or a v1 List when the input held several.
/// </summary>
public static class ConvertCommand
{
    public const string ToK8sCert = "k8scert";
    public const string ToCertManager = "cert-manager";

    public static Command Create()
    {
        var file = new Option<string>("--filename", "-f") { Description = "Manifest file (YAML or JSON, several documents allowed); - reads standard input", DefaultValueFactory = _ => "-" };
        var to = new Option<string>("--to") { Description = "k8scert | cert-manager", Required = true };
        to.AcceptOnlyFromAmong(ToK8sCert, ToCertManager);
        var output = new Option<string>("--output", "-o") { Description = "yaml | json", DefaultValueFactory = _ => OutputFormats.Yaml };
        output.AcceptOnlyFromAmong(OutputFormats.Yaml, OutputFormats.Json);
        var command = new Command("convert", "Convert manifests between cert-manager.io and k8scert.io (apiVersion, issuerRef.group, annotation and label prefixes)");
        command.Options.Add(file);
        command.Options.Add(to);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = path == "-" ? await Console.In.ReadToEndAsync(ct).ConfigureAwait(false) : await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: {path}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            var flavor = parse.GetValue(to) == ToCertManager ? ManifestApi.CertManager : ManifestApi.K8sCert;
            return await RunAsync(text, flavor, parse.GetValue(output)!, Console.Out, Console.Error, ct).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<int> RunAsync(string text, ManifestApi to, string format, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        IReadOnlyList<JsonObject> documents;
        try
        {
            documents = YamlManifest.Documents(text);
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var converted = documents.Select(d => ManifestConverter.Convert(d, to)).ToList();
        await stdout.WriteAsync(Render(converted, format).AsMemory(), cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>YAML documents separated by ---, or JSON (one object, or a List of several).</summary>
    public static string Render(IReadOnlyList<JsonObject> documents, string format)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (format == OutputFormats.Json)
        {
            JsonNode single = documents.Count == 1
                ? documents[0]
                : new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = new JsonArray([.. documents]) };
            return single.ToJsonString(OutputFormats.IndentedJson) + "\n";
        }
        var text = new StringBuilder();
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                text.Append("---\n");
            }
            text.Append(YamlText.Write(documents[i]));
        }
        return text.ToString();
    }
}
