using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// What `inspect secret` reports about a TLS Secret: the leaf (subject, SANs, validity, serial, key),
/// the chain above it, and whether tls.key belongs to tls.crt. Never includes key material.
/// </summary>
public static class SecretInspection
{
    /// <param name="secret">The Secret with native annotation keys (renamed from <paramref name="flavor"/>'s, if any).</param>
    /// <param name="flavor">The API whose annotations name the Secret's Certificate and issuer (default k8scert.io).</param>
    public static JsonObject Describe(V1Secret secret, ApiFlavor? flavor = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var report = new JsonObject
        {
            ["name"] = secret.Metadata?.Name,
            ["namespace"] = secret.Metadata?.NamespaceProperty,
            ["type"] = secret.Type,
        };
        if (ManagedBy(secret, flavor ?? ApiFlavor.K8sCert) is { } managedBy)
        {
            report["managedBy"] = managedBy;
        }
        var data = secret.Data ?? new Dictionary<string, byte[]>();
        if (!data.TryGetValue(SecretKeys.TlsCertificate, out var crt) || crt.Length == 0)
        {
            report["error"] = "the Secret has no tls.crt";
            return report;
        }
        var chain = PemCodec.DecodeCertificates(Encoding.UTF8.GetString(crt));
        try
        {
            var leaf = CertificateInfo.FromCertificate(chain[0]);
            report["certificate"] = new JsonObject
            {
                ["subject"] = chain[0].Subject,
                ["commonName"] = leaf.CommonName,
                ["dnsNames"] = Strings(leaf.SubjectAltNames.DnsNames),
                ["ipAddresses"] = Strings(leaf.SubjectAltNames.IpAddresses),
                ["uris"] = Strings(leaf.SubjectAltNames.Uris),
                ["emailAddresses"] = Strings(leaf.SubjectAltNames.EmailAddresses),
                ["issuer"] = chain[0].Issuer,
                ["serial"] = leaf.SerialNumberHex,
                ["notBefore"] = Timestamp(leaf.NotBefore),
                ["notAfter"] = Timestamp(leaf.NotAfter),
                ["publicKey"] = $"{leaf.PublicKeyAlgorithm?.ToString() ?? "unknown"} {leaf.PublicKeySize}",
                ["isCA"] = leaf.IsCA,
                ["otherNames"] = X509FieldsInspection.OtherNames(leaf),
                ["nameConstraints"] = X509FieldsInspection.NameConstraints(leaf),
            };
            var issuers = new JsonArray();
            foreach (var certificate in chain.Skip(1))
            {
                // The JsonNode overload: Add<T> would serialize through reflection (not NativeAOT-safe).
                issuers.Add((JsonNode)new JsonObject
                {
                    ["subject"] = certificate.Subject,
                    ["issuer"] = certificate.Issuer,
                    ["notAfter"] = Timestamp(certificate.NotAfter.ToUniversalTime()),
                });
            }
            report["chain"] = issuers;
            if (data.TryGetValue(SecretKeys.CaCertificate, out var ca) && ca.Length > 0)
            {
                report["caCertificates"] = PemCodec.DecodeCertificates(Encoding.UTF8.GetString(ca)).Count;
            }
            report["privateKey"] = DescribeKey(data, chain[0]);
            if (SecretOutputsInspection.Describe(data) is { } outputs)
            {
                report["outputs"] = outputs;
            }
        }
        finally
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }
        return report;
    }

    /// <summary>Human form: aligned "Field: value" lines, lists joined by commas.</summary>
    public static string Render(JsonObject report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        void Line(string label, JsonNode? value) => text.Append(CultureInfo.InvariantCulture, $"{label,-18}{Flatten(value)}\n");
        Line("Secret:", $"{report["namespace"]}/{report["name"]}");
        Line("Type:", report["type"]);
        if (report["managedBy"] is JsonObject managed)
        {
            Line("Managed by:", $"Certificate {managed["certificate"]} ({managed["api"]}), issuer {managed["issuerKind"]}/{managed["issuerName"]}");
        }
        if (report["error"] is { } error)
        {
            Line("Error:", error);
            return text.ToString();
        }
        var c = report["certificate"]!.AsObject();
        Line("Subject:", c["subject"]);
        Line("DNS names:", c["dnsNames"]);
        Line("IP addresses:", c["ipAddresses"]);
        Line("URIs:", c["uris"]);
        Line("Emails:", c["emailAddresses"]);
        Line("Issuer:", c["issuer"]);
        Line("Serial:", c["serial"]);
        Line("Not before:", c["notBefore"]);
        Line("Not after:", c["notAfter"]);
        Line("Public key:", c["publicKey"]);
        Line("Is CA:", c["isCA"]);
        Line("Other names:", c["otherNames"]);
        Line("Name constraints:", c["nameConstraints"]);
        foreach (var link in report["chain"]!.AsArray())
        {
            Line("Chain:", $"{link!["subject"]} (issued by {link["issuer"]}, until {link["notAfter"]})");
        }
        var key = report["privateKey"]!.AsObject();
        Line("Private key:", key["present"]!.GetValue<bool>() ? $"{key["type"]}, matches certificate: {Flatten(key["matchesCertificate"])}" : "absent");
        if (report["outputs"] is JsonObject outputs)
        {
            foreach (var (label, value) in SecretOutputsInspection.Lines(outputs))
            {
                Line(label, value);
            }
        }
        return text.ToString();
    }

    /// <summary>The Certificate and issuer the Secret's annotations name; null when it carries no certificate-name.</summary>
    private static JsonObject? ManagedBy(V1Secret secret, ApiFlavor flavor)
    {
        var annotations = secret.Metadata?.Annotations;
        if (annotations?.TryGetValue(AnnotationKeys.CertificateName, out var certificate) != true)
        {
            return null;
        }
        string? Annotation(string key) => annotations.TryGetValue(key, out var value) ? value : null;
        return new JsonObject
        {
            ["api"] = flavor.CertGroup,
            ["certificate"] = certificate,
            ["issuerName"] = Annotation(AnnotationKeys.IssuerName),
            ["issuerKind"] = Annotation(AnnotationKeys.IssuerKind),
            ["issuerGroup"] = Annotation(AnnotationKeys.IssuerGroup),
        };
    }

    private static JsonObject DescribeKey(IDictionary<string, byte[]> data, System.Security.Cryptography.X509Certificates.X509Certificate2 leaf)
    {
        if (!data.TryGetValue(SecretKeys.TlsPrivateKey, out var pem) || pem.Length == 0)
        {
            return new JsonObject { ["present"] = false };
        }
        try
        {
            using var key = PemCodec.DecodePrivateKey(Encoding.UTF8.GetString(pem));
            return new JsonObject
            {
                ["present"] = true,
                ["type"] = $"{key.Algorithm} {key.Size}",
                ["matchesCertificate"] = key.PublicKeyMatches(leaf),
            };
        }
        catch (PkiException)
        {
            // The parser's message never contains key bytes, but a generic text is enough here.
            return new JsonObject { ["present"] = true, ["type"] = "unreadable", ["matchesCertificate"] = false };
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Flatten(JsonNode? value) => value switch
    {
        null => "<none>",
        JsonArray { Count: 0 } => "<none>",
        JsonArray array => string.Join(", ", array.Select(v => v?.ToString())),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.False => "false",
        _ => value.ToString(),
    };
}
