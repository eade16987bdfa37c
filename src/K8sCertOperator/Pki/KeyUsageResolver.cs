using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Maps cert-manager's usage names (spec.usages) to X.509 KeyUsage bits and EKU OIDs.</summary>
public static class KeyUsageResolver
{
    /// <summary>cert-manager's default when spec.usages is empty.</summary>
    public static IReadOnlyList<string> DefaultUsages { get; } = ["digital signature", "key encipherment"];

    private static readonly Dictionary<string, X509KeyUsageFlags> KeyUsages = new(StringComparer.Ordinal)
    {
        ["signing"] = X509KeyUsageFlags.DigitalSignature,
        ["digital signature"] = X509KeyUsageFlags.DigitalSignature,
        ["content commitment"] = X509KeyUsageFlags.NonRepudiation,
        ["key encipherment"] = X509KeyUsageFlags.KeyEncipherment,
        ["key agreement"] = X509KeyUsageFlags.KeyAgreement,
        ["data encipherment"] = X509KeyUsageFlags.DataEncipherment,
        ["cert sign"] = X509KeyUsageFlags.KeyCertSign,
        ["crl sign"] = X509KeyUsageFlags.CrlSign,
        ["encipher only"] = X509KeyUsageFlags.EncipherOnly,
        ["decipher only"] = X509KeyUsageFlags.DecipherOnly,
    };

    private static readonly Dictionary<string, string> ExtendedKeyUsages = new(StringComparer.Ordinal)
    {
        ["any"] = "2.5.29.37.0",
        ["server auth"] = "1.3.6.1.5.5.7.3.1",
        ["client auth"] = "1.3.6.1.5.5.7.3.2",
        ["code signing"] = "1.3.6.1.5.5.7.3.3",
        ["email protection"] = "1.3.6.1.5.5.7.3.4",
        ["s/mime"] = "1.3.6.1.5.5.7.3.4",
        ["ipsec end system"] = "1.3.6.1.5.5.7.3.5",
        ["ipsec tunnel"] = "1.3.6.1.5.5.7.3.6",
        ["ipsec user"] = "1.3.6.1.5.5.7.3.7",
        ["timestamping"] = "1.3.6.1.5.5.7.3.8",
        ["ocsp signing"] = "1.3.6.1.5.5.7.3.9",
        ["microsoft sgc"] = "1.3.6.1.4.1.311.10.3.3",
        ["netscape sgc"] = "2.16.840.1.113730.4.1",
    };

    /// <summary>Resolves usages; a CA additionally gets "cert sign". Returns an error for unknown names.</summary>
    public static (ResolvedUsages? Usages, string? Error) Resolve(IReadOnlyList<string>? usages, bool isCa)
    {
        var names = usages is { Count: > 0 } ? usages : DefaultUsages;
        var flags = isCa ? X509KeyUsageFlags.KeyCertSign : X509KeyUsageFlags.None;
        var ekus = new List<string>();
        foreach (var raw in names)
        {
            var name = raw?.Trim().ToLowerInvariant() ?? string.Empty;
            if (KeyUsages.TryGetValue(name, out var bit))
            {
                flags |= bit;
            }
            else if (ExtendedKeyUsages.TryGetValue(name, out var oid))
            {
                if (!ekus.Contains(oid))
                {
                    ekus.Add(oid);
                }
            }
            else
            {
                return (null, $"unknown usage \"{(raw is { Length: > 40 } ? raw[..40] + "..." : raw)}\"");
            }
        }

        return (new ResolvedUsages(flags, ekus), null);
    }
}
