using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Deterministic Order names: <c>&lt;certificate&gt;-&lt;revision&gt;-&lt;hash of the request&gt;</c>.</summary>
public static class OrderNaming
{
    /// <summary>
    /// Certificate names are cut to this length so the Order name also fits in a label value (63), which
    /// Challenges use to point back at their Order.
    /// </summary>
    public const int MaxCertificateNameLength = 40;

    private const int HashLength = 10;

    public static string Name(string certificateName, int revision, string hash)
    {
        ArgumentNullException.ThrowIfNull(certificateName);
        var prefix = certificateName.Length > MaxCertificateNameLength
            ? certificateName[..MaxCertificateNameLength].TrimEnd('-', '.')
            : certificateName;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{revision}-{hash}");
    }

    /// <summary>
    /// True when <paramref name="name"/> is one <see cref="Name"/> gives for this Certificate and revision (whatever the
    /// hash); cert-manager's request names (<c>&lt;certificate&gt;-&lt;n&gt;</c> or a random suffix) never are.
    /// </summary>
    public static bool IsOwn(string name, string certificateName, int revision)
    {
        ArgumentNullException.ThrowIfNull(name);
        var prefix = Name(certificateName, revision, "");
        return name.Length == prefix.Length + HashLength
            && name.StartsWith(prefix, StringComparison.Ordinal)
            && name.AsSpan(prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
    }

    /// <summary>
    /// 10 hex characters of SHA-256 over the fields that end up in the CSR and order. Names are compared without
    /// case or order so an equivalent spec hashes the same; the public key is included because the CSR carries it.
    /// </summary>
    public static string RequestHash(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder()
            .Append(request.IssuerRef.EffectiveKind).Append('\n')
            .Append(request.IssuerRef.Group ?? "").Append('\n')
            .Append(request.IssuerRef.Name).Append('\n')
            .Append(request.CommonName ?? "").Append('\n')
            .AppendJoin(',', request.DnsNames.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal)).Append('\n')
            .AppendJoin(',', request.IpAddresses.Order(StringComparer.Ordinal)).Append('\n')
            .Append(request.Duration ?? "").Append('\n')
            .Append(Convert.ToBase64String(request.PublicKeySpki)).Append('\n')
            .Append(request.Attempt.ToString(CultureInfo.InvariantCulture))
            // Only Certificates that use these fields hash them, so other names stay what they were before.
            .Append(request.Shape.Length == 0 ? "" : "\n" + request.Shape)
            .ToString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..HashLength];
    }
}
