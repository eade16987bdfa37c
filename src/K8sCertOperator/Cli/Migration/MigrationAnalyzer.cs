using System.Text.Json.Nodes;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// `check migration`'s decision, without I/O: for each cert-manager object, what the operator would not do the same
/// way. The spec is compared with the operator's own schema for the kind (<see cref="SchemaGaps"/>), Certificates
/// of unsupported issuers are named (<see cref="IssuerReferenceCheck"/>), and Orders and Challenges that have not
/// reached a final state are listed as in flight (with what of them would not carry over, as notes).
/// </summary>
public static class MigrationAnalyzer
{
    private static readonly HashSet<string> FinalAcmeStates = new(["valid", "invalid", "expired", "errored", "revoked"], StringComparer.Ordinal);

    public static IReadOnlyList<MigrationFinding> Analyze(IEnumerable<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var all = objects.ToList();
        var findings = new List<MigrationFinding>();
        foreach (var obj in all)
        {
            var (kind, ns, name) = Key(obj);
            var acme = kind is "Order" or "Challenge";
            var state = acme ? InFlightState(obj) : null;
            if (acme && state is null)
            {
                continue; // A finished Order or Challenge is history: nothing of it carries over.
            }
            if (OperatorSchemas.For(kind)?["properties"]?["spec"] is JsonObject specSchema && obj["spec"] is { } spec)
            {
                // cert-manager writes Orders and Challenges itself; what they lack here is its Issuer's finding, so
                // on them a gap is a note on the work in flight, not a blocker of its own.
                findings.AddRange(SchemaGaps.Find(kind, spec, specSchema, "spec")
                    .Select(g => new MigrationFinding(kind, ns, name, g.Path, acme && g.Severity == FindingSeverity.Unsupported ? FindingSeverity.InFlight : g.Severity, g.Message)));
            }
            if (state is not null)
            {
                findings.Add(new MigrationFinding(kind, ns, name, "status.state", FindingSeverity.InFlight,
                    $"still in progress (state {state}): let cert-manager finish it before the switch, or delete it so its Certificate is requested again"));
            }
        }
        findings.AddRange(IssuerReferenceCheck.Find(all, findings).ToList());
        // Each object's findings together, objects in the order they came (issuers before their Certificates).
        var position = all.Select((o, i) => (Key: Key(o), i)).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.i);
        return [.. findings.OrderBy(f => position.GetValueOrDefault((f.Kind, f.Namespace, f.Name)))];
    }

    private static (string, string?, string) Key(JsonObject obj) =>
        (obj["kind"]?.GetValue<string>() ?? "", obj["metadata"]?["namespace"]?.GetValue<string>(), obj["metadata"]?["name"]?.GetValue<string>() ?? "");

    private static string? InFlightState(JsonObject obj)
    {
        var state = obj["status"]?["state"]?.GetValue<string>();
        return state is null || !FinalAcmeStates.Contains(state) ? state ?? "none yet" : null;
    }
}
