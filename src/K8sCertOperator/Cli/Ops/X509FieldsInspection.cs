using System.Text.Json.Nodes;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli.Ops;

/// <summary>The otherNames and name constraints of a leaf as `inspect secret` shows them.</summary>
public static class X509FieldsInspection
{
    /// <summary>"oid=value" for each UTF8String otherName.</summary>
    public static JsonArray OtherNames(CertificateInfo leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return [.. leaf.SubjectAltNames.OtherNames.Select(o => (JsonNode?)JsonValue.Create($"{o.Oid}={o.Utf8Value}"))];
    }

    /// <summary>"critical" (when it is), then "permitted DNS:corp.example", "excluded IP:10.0.0.0/8", ...; empty when absent.</summary>
    public static JsonArray NameConstraints(CertificateInfo leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var lines = new List<string>();
        if (leaf.NameConstraints is { } constraints)
        {
            if (constraints.Critical)
            {
                lines.Add("critical");
            }

            Describe(lines, "permitted", constraints.Permitted);
            Describe(lines, "excluded", constraints.Excluded);
        }

        return [.. lines.Select(l => (JsonNode?)JsonValue.Create(l))];
    }

    private static void Describe(List<string> lines, string side, NameConstraintSubtrees subtrees)
    {
        lines.AddRange(subtrees.DnsDomains.Select(d => $"{side} DNS:{d}"));
        lines.AddRange(subtrees.IpRanges.Select(r => $"{side} IP:{r}"));
        lines.AddRange(subtrees.EmailAddresses.Select(e => $"{side} email:{e}"));
        lines.AddRange(subtrees.UriDomains.Select(u => $"{side} URI:{u}"));
    }
}
