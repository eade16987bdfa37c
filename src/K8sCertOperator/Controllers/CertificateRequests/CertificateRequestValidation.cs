using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>
/// Pure check of a CertificateRequest spec before signing: the CSR decodes and its signature verifies, the duration
/// parses and is positive, the usages are known, and the names the CSR asks for are valid. A problem is terminal
/// (InvalidRequest): the spec is immutable, so trying again cannot help.
/// </summary>
public static class CertificateRequestValidation
{
    /// <summary>The signing input, or every problem found (never both).</summary>
    public static (SigningInput? Input, IReadOnlyList<string> Problems) Validate(CertificateRequestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        var duration = CertificateTemplateFactory.DefaultDuration;
        if (spec.Duration is { } text && (!GoDuration.TryParse(text, out duration, out var error) || duration <= TimeSpan.Zero))
        {
            problems.Add($"spec.duration {text}: " + (error ?? "must be positive"));
        }

        var usages = spec.Usages is { Count: > 0 } u ? u : [.. KeyUsages.Default];
        problems.AddRange(usages.Where(x => !KeyUsages.All.Contains(x)).Select(x => $"spec.usages: unknown usage \"{x}\""));

        ParsedCertificateRequest? csr = null;
        CertificateTemplate? template = null;
        try
        {
            csr = CsrParser.ParsePem(spec.Request.Length == 0 ? null : Encoding.UTF8.GetString(spec.Request));
            template = CsrTemplate.Create(csr, usages, spec.IsCA ?? false);
        }
        catch (PemFormatException e)
        {
            problems.Add("spec.request: " + e.Message);
        }

        if (csr is null || template is null || problems.Count > 0)
        {
            return (null, problems);
        }

        problems.AddRange(CertificateTemplateValidator.Validate(template).Select(p => "spec.request: " + p));
        return problems.Count > 0 ? (null, problems) : (new SigningInput(csr, template, duration), []);
    }
}
