using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// The derived keys of a Secret for `inspect secret`: which output formats and keystores are present and, for
/// JKS files (whose entry list is not encrypted), each entry's alias, kind, subject and chain length. PKCS#12
/// bags are encrypted, so for those only the MAC, the certificate encryption and the keystores.pkcs12 profile they
/// amount to are shown. Never includes key material.
/// </summary>
public static class SecretOutputsInspection
{
    /// <summary>Null when the Secret holds none of the derived keys.</summary>
    public static JsonObject? Describe(IDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var present = SecretKeys.Derived.Where(k => data.TryGetValue(k, out var v) && v.Length > 0).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var report = new JsonObject { ["keys"] = new JsonArray([.. present.Select(k => (JsonNode?)JsonValue.Create(k))]) };
        foreach (var k in new[] { SecretKeys.JksKeystore, SecretKeys.JksTruststore }.Where(present.Contains))
        {
            report[k] = JksEntries(data[k]);
        }

        foreach (var k in new[] { SecretKeys.Pkcs12Keystore, SecretKeys.Pkcs12Truststore }.Where(present.Contains))
        {
            report[k] = Pkcs12Protection(data[k]);
        }

        return report;
    }

    /// <summary>Human lines: one per derived key, JKS entries indented under their file.</summary>
    public static IEnumerable<(string Label, string Value)> Lines(JsonObject outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var key in outputs["keys"]!.AsArray())
        {
            var name = key!.GetValue<string>();
            yield return ("Output:", name);
            if (outputs[name] is JsonObject protection)
            {
                yield return ("  Protection:", protection["error"] is { } error
                    ? error.ToString()
                    : $"{protection["profile"] ?? "no known profile"}: MAC {protection["mac"]}, certificates {protection["encryption"]}");
            }

            if (outputs[name] is JsonArray entries)
            {
                foreach (var e in entries)
                {
                    yield return ("  Entry:", e!["error"] is { } error
                        ? error.ToString()
                        : $"{e["alias"]} ({e["kind"]}) {e["subject"]}, chain length {e["chainLength"]}");
                }
            }
        }
    }

    private static JsonObject Pkcs12Protection(byte[] pfx)
    {
        try
        {
            var (mac, encryption, profile) = Pkcs12ProfileReader.Read(pfx);
            return new JsonObject { ["profile"] = profile, ["mac"] = mac, ["encryption"] = encryption };
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return new JsonObject { ["error"] = "unreadable PKCS#12 file" };
        }
    }

    private static JsonArray JksEntries(byte[] jks)
    {
        try
        {
            var entries = new JsonArray();
            foreach (var entry in JksReader.Read(jks, password: null))
            {
                using var first = entry.CertificateChain.Count > 0 ? X509CertificateLoader.LoadCertificate(entry.CertificateChain[0]) : null;
                entries.Add((JsonNode)new JsonObject
                {
                    ["alias"] = entry.Alias,
                    ["kind"] = entry.IsPrivateKey ? "PrivateKeyEntry" : "trustedCertEntry",
                    ["subject"] = first?.Subject,
                    ["chainLength"] = entry.CertificateChain.Count,
                });
            }

            return entries;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return [(JsonNode)new JsonObject { ["error"] = "unreadable JKS file" }];
        }
    }
}
