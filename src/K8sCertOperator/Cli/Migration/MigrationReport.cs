using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Cli.Migration;

/// <summary>Renders `check migration` findings as an aligned table or as JSON.</summary>
public static class MigrationReport
{
    private static readonly string[] Header = ["KIND", "OBJECT", "FIELD", "SEVERITY", "DETAIL"];

    public static string Table(IReadOnlyList<MigrationFinding> findings, int objectCount)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var text = new StringBuilder();
        if (findings.Count > 0)
        {
            var rows = new List<string[]> { Header };
            rows.AddRange(findings.Select(f => new[] { f.Kind, ObjectName(f), f.Path, f.Severity.ToString(), f.Message }));
            var widths = Enumerable.Range(0, Header.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
            {
                for (var c = 0; c < widths.Length; c++)
                {
                    text.Append(row[c].PadRight(widths[c] + 2));
                }
                text.Append(row[^1]).Append('\n');
            }
        }
        text.Append(Summary(findings, objectCount)).Append('\n');
        return text.ToString();
    }

    public static JsonObject Json(IReadOnlyList<MigrationFinding> findings, int objectCount, IReadOnlyList<string> notServed)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(notServed);
        return new JsonObject
        {
            ["objectsChecked"] = objectCount,
            ["blocking"] = findings.Count(f => f.Blocks),
            ["notServed"] = new JsonArray([.. notServed.Select(n => JsonValue.Create(n))]),
            ["findings"] = new JsonArray([.. findings.Select(f => new JsonObject
            {
                ["kind"] = f.Kind,
                ["namespace"] = f.Namespace,
                ["name"] = f.Name,
                ["field"] = f.Path,
                ["severity"] = f.Severity.ToString(),
                ["message"] = f.Message,
            })]),
        };
    }

    public static string Summary(IReadOnlyList<MigrationFinding> findings, int objectCount)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var blocking = findings.Count(f => f.Blocks);
        var objects = findings.Where(f => f.Blocks).Select(f => f.Kind + "/" + ObjectName(f)).Distinct(StringComparer.Ordinal).Count();
        return blocking == 0
            ? $"{objectCount} cert-manager objects checked: nothing blocks the switch ({findings.Count} notes)"
            : $"{objectCount} cert-manager objects checked: {blocking} unsupported fields in {objects} objects block the switch";
    }

    private static string ObjectName(MigrationFinding f) => f.Namespace is null ? f.Name : f.Namespace + "/" + f.Name;
}
