using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;
using K8sCertOperator.Tests.Pki;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Builds Certificates, Secrets and real certificates (via Pki's SelfSignedIssuer) for policy tests.</summary>
internal static class PolicyFixtures
{
    public static readonly DateTimeOffset Now = TestPki.Now;

    /// <summary>Default test certificates start 10 days before <see cref="Now"/> and last 90 days (renewal at day 60).</summary>
    public static readonly DateTimeOffset IssuedAt = Now.AddDays(-10);

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public const string CertificateName = "web";
    public const string IssuerName = "letsencrypt";

    // Key generation is the slow part; generate each kind once per process.
    private static readonly Lazy<string> EcPemA = new(() => TestPki.Ec().ExportPem(PrivateKeyEncoding.Pkcs1));
    private static readonly Lazy<string> EcPemB = new(() => Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa)));
    private static readonly Lazy<string> Ec384Pem = new(() => Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384)));
    private static readonly Lazy<string> RsaPem = new(() => TestPki.Rsa().ExportPem(PrivateKeyEncoding.Pkcs1));

    public static string KeyA => EcPemA.Value;
    public static string KeyB => EcPemB.Value;
    public static string KeyP384 => Ec384Pem.Value;
    public static string KeyRsa => RsaPem.Value;

    /// <summary>A Certificate for a.example.com and b.example.com from ClusterIssuer "letsencrypt", ECDSA P-256.</summary>
    public static Certificate Certificate(Action<CertificateSpec>? configure = null, IDictionary<string, string>? annotations = null)
    {
        var certificate = new Certificate
        {
            Metadata = new() { Name = CertificateName, NamespaceProperty = "default", Uid = "6f1c1d2e-0000-4000-8000-000000000001", Annotations = annotations },
            Spec = new CertificateSpec
            {
                SecretName = "web-tls",
                IssuerRef = new ObjectReference { Name = IssuerName, Kind = ApiGroups.ClusterIssuerKind, Group = ApiGroups.Cert },
                DnsNames = ["a.example.com", "b.example.com"],
                PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa, Size = 256 },
            },
        };
        configure?.Invoke(certificate.Spec);
        return certificate;
    }

    public static CertificateTemplate Template(Func<CertificateTemplate, CertificateTemplate>? configure = null)
    {
        var template = new CertificateTemplate { DnsNames = ["a.example.com", "b.example.com"], Usages = KeyUsages.Default };
        return configure is null ? template : configure(template);
    }

    /// <summary>A self-signed leaf for <paramref name="keyPem"/>; defaults to <see cref="IssuedAt"/> + <see cref="Lifetime"/>.</summary>
    public static string Issue(string keyPem, CertificateTemplate? template = null, DateTimeOffset? notBefore = null, TimeSpan? lifetime = null)
    {
        using var key = PemCodec.DecodePrivateKey(keyPem);
        return K8sCertOperator.Pki.SelfSignedIssuer.Issue(key, template ?? Template(), lifetime ?? Lifetime, notBefore ?? IssuedAt).CertificatePem;
    }

    public static Dictionary<string, byte[]> Secret(string? keyPem, string? certPem)
    {
        var data = new Dictionary<string, byte[]>();
        if (keyPem is not null)
        {
            data["tls.key"] = Encoding.UTF8.GetBytes(keyPem);
        }

        if (certPem is not null)
        {
            data["tls.crt"] = Encoding.UTF8.GetBytes(certPem);
        }

        return data;
    }

    /// <summary>The annotations our issuing step writes for the default Certificate.</summary>
    public static Dictionary<string, string> IssuedAnnotations(string name = IssuerName, string? kind = ApiGroups.ClusterIssuerKind, string? group = ApiGroups.Cert)
    {
        var annotations = new Dictionary<string, string>
        {
            [AnnotationKeys.CertificateName] = CertificateName,
            [AnnotationKeys.IssuerName] = name,
        };
        if (kind is not null)
        {
            annotations[AnnotationKeys.IssuerKind] = kind;
        }

        if (group is not null)
        {
            annotations[AnnotationKeys.IssuerGroup] = group;
        }

        return annotations;
    }

    /// <summary>An up-to-date Secret for the default Certificate.</summary>
    public static ReissueInput Healthy(Certificate? certificate = null, DateTimeOffset? now = null) =>
        new(certificate ?? Certificate(), Secret(KeyA, Issue(KeyA)), IssuedAnnotations(), now ?? Now);

    public static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static string Generate(PrivateKeySpec spec)
    {
        using var key = PrivateKeyGenerator.Generate(spec);
        return key.ExportPem(PrivateKeyEncoding.Pkcs1);
    }
}
