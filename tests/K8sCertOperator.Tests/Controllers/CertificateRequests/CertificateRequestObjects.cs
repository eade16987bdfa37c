using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests;

/// <summary>CertificateRequests and CSRs for the CertificateRequest tests.</summary>
internal static class CertificateRequestObjects
{
    public static readonly CertificateTemplate WebTemplate = new() { CommonName = "web.example.com", DnsNames = ["web.example.com", "www.example.com"] };

    public static string CsrPem(CertificateKey key, CertificateTemplate? template = null) => CsrBuilder.BuildPem(key, template ?? WebTemplate);

    public static CertificateRequest Request(string csrPem, string issuer = "ca", string? kind = null, string? group = null, string conditions = "") => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = "team-a" },
        Spec = new CertificateRequestSpec
        {
            Request = Encoding.ASCII.GetBytes(csrPem),
            IssuerRef = new ObjectReference { Name = issuer, Kind = kind, Group = group },
        },
        // "Approved=True,Ready=False"
        Status = conditions.Length == 0 ? null : new CertificateRequestStatus
        {
            Conditions = [.. conditions.Split(',').Select(c => c.Split('=')).Select(c => new Condition { Type = c[0], Status = c[1], Reason = "Test" })],
        },
    };
}
