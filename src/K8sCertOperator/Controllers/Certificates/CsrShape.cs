using System.Text.Json;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// The spec fields besides names, issuer, duration and key that change what the CSR says (subject, usages, CA flag,
/// URI/e-mail/other names, name constraints, signature algorithm), as canonical JSON; empty when none is set.
/// A request in flight is replaced when they change.
/// </summary>
public static class CsrShape
{
    public static string Of(CertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var shape = new CertificateSpec
        {
            SecretName = null!,
            IssuerRef = null!,
            Uris = spec.Uris is { Count: > 0 } ? spec.Uris : null,
            EmailAddresses = spec.EmailAddresses is { Count: > 0 } ? spec.EmailAddresses : null,
            Subject = spec.Subject,
            Usages = spec.Usages is { Count: > 0 } ? spec.Usages : null,
            IsCA = spec.IsCA == true ? true : null,
            LiteralSubject = string.IsNullOrEmpty(spec.LiteralSubject) ? null : spec.LiteralSubject,
            OtherNames = spec.OtherNames is { Count: > 0 } ? spec.OtherNames : null,
            NameConstraints = spec.NameConstraints,
            SignatureAlgorithm = string.IsNullOrEmpty(spec.SignatureAlgorithm) ? null : spec.SignatureAlgorithm,
            EncodeUsagesInRequest = spec.EncodeUsagesInRequest,
        };
        var json = JsonSerializer.Serialize(shape, KubeJsonContext.Default.CertificateSpec);
        return json == "{}" ? "" : json;
    }
}
