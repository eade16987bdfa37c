using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>
/// Pure check of what an external issuer (another controller) wrote into <c>status.certificate</c> before it may be
/// used: the chain parses and the leaf is for the CSR's public key (<see cref="LeafKeyCheck"/>), each certificate is
/// issued by the next, and the leaf names exactly what the CSR asked for (common name and every SAN). Null when it is
/// usable, else the first problem.
/// </summary>
public static class ExternalIssuerResultCheck
{
    public static string? Problem(ParsedCertificateRequest csr, string? certificatePem)
    {
        ArgumentNullException.ThrowIfNull(csr);
        if (LeafKeyCheck.Problem(certificatePem, csr.PublicKey) is { } keyProblem)
        {
            return "status.certificate: " + keyProblem;
        }

        // It parsed just now.
        var chain = PemCodec.DecodeCertificates(certificatePem);
        try
        {
            var leaf = chain[0];
            for (var i = 0; i + 1 < chain.Count; i++)
            {
                if (!chain[i].IssuerName.RawData.AsSpan().SequenceEqual(chain[i + 1].SubjectName.RawData))
                {
                    return $"certificate {i + 1} of the chain is not issued by certificate {i + 2}";
                }
            }

            var info = CertificateInfo.FromCertificate(leaf);
            if (!string.IsNullOrEmpty(csr.CommonName) && info.CommonName != csr.CommonName)
            {
                return $"common name is \"{info.CommonName}\", the CSR asked for \"{csr.CommonName}\"";
            }

            return NamesProblem("DNS names", csr.SubjectAltNames.DnsNames, info.SubjectAltNames.DnsNames)
                ?? NamesProblem("IP addresses", csr.SubjectAltNames.IpAddresses, info.SubjectAltNames.IpAddresses)
                ?? NamesProblem("URIs", csr.SubjectAltNames.Uris, info.SubjectAltNames.Uris)
                ?? NamesProblem("email addresses", csr.SubjectAltNames.EmailAddresses, info.SubjectAltNames.EmailAddresses);
        }
        finally
        {
            foreach (var c in chain)
            {
                c.Dispose();
            }
        }
    }

    private static string? NamesProblem(string what, IReadOnlyList<string> requested, IReadOnlyList<string> issued)
    {
        // DNS names compare case-insensitively; for the others a different case is a different name, which is stricter.
        var comparer = what == "DNS names" ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return requested.ToHashSet(comparer).SetEquals(issued)
            ? null
            : $"{what} are [{string.Join(", ", issued)}], the CSR asked for [{string.Join(", ", requested)}]";
    }
}
