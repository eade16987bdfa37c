using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>Builds a Certificate manifest from a corpus case: its spec merged (JSON merge patch) over a valid base.</summary>
internal static class CertificateManifests
{
    public static JsonObject Build(CorpusCase c, string name = "corpus")
    {
        var spec = new JsonObject
        {
            ["secretName"] = "corpus-tls",
            ["issuerRef"] = new JsonObject { ["name"] = "corpus-selfsigned" },
            ["dnsNames"] = new JsonArray("corpus.example.com"),
        };
        Merge(spec, (JsonObject)c.Input["spec"]!);
        return new JsonObject
        {
            ["apiVersion"] = "k8scert.io/v1",
            ["kind"] = "Certificate",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "corpus" },
            ["spec"] = spec,
        };
    }

    /// <summary>RFC 7386: null removes, objects merge, anything else replaces.</summary>
    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
