using System.Text;
using FsCheck;
using FsCheck.Xunit;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>
/// Property tests: arbitrary and mutated input into the decoders either succeeds or raises PemFormatException;
/// any other exception type escaping fails the property.
/// </summary>
public class PemFuzzProperties
{
    private static readonly string[] Labels =
        ["CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE REQUEST", "EC PARAMETERS", "X"];

    private sealed record Samples(string CertPem, string RsaPkcs1, string EcSec1, string EcPkcs8, string CsrPem);

    private static readonly Lazy<Samples> Valid = new(() =>
    {
        using var rsa = TestPki.Rsa();
        using var ec = TestPki.Ec();
        var template = new CertificateTemplate { CommonName = "fuzz", DnsNames = ["fuzz.example.com"], IpAddresses = ["10.1.2.3"] };
        return new Samples(
            SelfSignedIssuer.Issue(ec, template, TimeSpan.FromDays(1), TestPki.Now).CertificatePem,
            rsa.ExportPem(PrivateKeyEncoding.Pkcs1),
            ec.ExportPem(PrivateKeyEncoding.Pkcs1),
            ec.ExportPem(PrivateKeyEncoding.Pkcs8),
            CsrBuilder.BuildPem(ec, template));
    });

    private static void DecodeEverything(string? text)
    {
        TypedOnly(() => PemCodec.DecodeCertificates(text));
        TypedOnly(() => PemCodec.DecodePrivateKey(text)?.Dispose());
        TypedOnly(() => CsrParser.ParsePem(text));
    }

    private static void DecodeEverything(byte[] bytes)
    {
        TypedOnly(() => PemCodec.DecodeCertificates(bytes));
        TypedOnly(() => PemCodec.DecodePrivateKey(bytes).Dispose());
        TypedOnly(() => CsrParser.ParseDer(bytes));
        foreach (var certificate in TryDecode(bytes))
        {
            TypedOnly(() => CertificateInfo.FromCertificate(certificate));
        }
    }

    private static IEnumerable<System.Security.Cryptography.X509Certificates.X509Certificate2> TryDecode(byte[] der)
    {
        try
        {
            return PemCodec.DecodeCertificates(Armor("CERTIFICATE", der));
        }
        catch (PemFormatException)
        {
            return [];
        }
    }

    private static void TypedOnly(Action decode)
    {
        try
        {
            decode();
        }
        catch (PemFormatException)
        {
            // The one allowed failure mode.
        }
    }

    private static string Armor(string label, byte[] der)
        => $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";

    private static byte[] Der(string pem) => Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));

    private static string Pick(int i) => (i % 5) switch
    {
        0 => Valid.Value.CertPem,
        1 => Valid.Value.RsaPkcs1,
        2 => Valid.Value.EcSec1,
        3 => Valid.Value.EcPkcs8,
        _ => Valid.Value.CsrPem,
    };

    [Property(MaxTest = 300)]
    public void RandomStrings(string? text) => DecodeEverything(text);

    [Property(MaxTest = 300)]
    public void RandomBytes(byte[] bytes) => DecodeEverything(bytes);

    [Property(MaxTest = 300)]
    public void RandomBodiesInsideValidArmor(byte[] body, NonNegativeInt labelIndex, bool crlf)
    {
        var label = Labels[labelIndex.Get % Labels.Length];
        var pem = Armor(label, body);
        DecodeEverything(crlf ? pem.Replace("\n", "\r\n", StringComparison.Ordinal) : pem);
        DecodeEverything(Encoding.UTF8.GetBytes(pem));
        TypedOnly(() => CsrParser.ParseDer(body));
    }

    [Property(MaxTest = 300)]
    public void RandomTextInsideArmor(string? body, NonNegativeInt labelIndex)
    {
        var label = Labels[labelIndex.Get % Labels.Length];
        DecodeEverything($"junk\n-----BEGIN {label}-----\n{body}\n-----END {label}-----\n");
    }

    [Property(MaxTest = 400)]
    public void MutatedPemText(NonNegativeInt sample, NonNegativeInt position, char replacement, bool delete)
    {
        var pem = Pick(sample.Get);
        int pos = position.Get % pem.Length;
        var mutated = delete ? pem.Remove(pos, 1) : pem[..pos] + replacement + pem[(pos + 1)..];
        DecodeEverything(mutated);
    }

    [Property(MaxTest = 300)]
    public void TruncatedPemText(NonNegativeInt sample, NonNegativeInt length)
    {
        var pem = Pick(sample.Get);
        DecodeEverything(pem[..(length.Get % pem.Length)]);
    }

    [Property(MaxTest = 500)]
    public void MutatedDer(NonNegativeInt sample, NonNegativeInt position, byte value, NonNegativeInt cut)
    {
        var pem = Pick(sample.Get);
        var label = pem[11..pem.IndexOf("-----", 11, StringComparison.Ordinal)];
        var der = Der(pem);
        der[position.Get % der.Length] = value;
        var truncated = der[..Math.Max(1, der.Length - (cut.Get % 8))];
        DecodeEverything(Armor(label, der));
        DecodeEverything(Armor(label, truncated));
        DecodeEverything(der);
    }

    [Property(MaxTest = 50)]
    public bool KeyRoundTrip(bool useEc, bool pkcs8)
    {
        using var key = useEc ? TestPki.Ec() : TestPki.Rsa();
        var encoding = pkcs8 ? PrivateKeyEncoding.Pkcs8 : PrivateKeyEncoding.Pkcs1;
        using var parsed = PemCodec.DecodePrivateKey(key.ExportPem(encoding));
        return parsed.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo())
            && parsed.ExportPem(encoding) == key.ExportPem(encoding);
    }

    [Property(MaxTest = 100)]
    public bool CsrRoundTrip(NonEmptyArray<PositiveInt> labels, bool wildcard, byte lastOctet, bool withCn)
    {
        var names = labels.Get.Take(20).Select(n => $"n{n.Get}.example.com").Distinct().ToList();
        if (wildcard)
        {
            names.Add("*.wild.example.com");
        }

        var template = new CertificateTemplate
        {
            CommonName = withCn ? names[0] : null,
            DnsNames = names,
            IpAddresses = [$"192.0.2.{lastOctet}"],
        };
        using var key = TestPki.Ec();
        var parsed = CsrParser.ParsePem(CsrBuilder.BuildPem(key, template));
        return parsed.SubjectAltNames.DnsNames.SequenceEqual(names)
            && parsed.SubjectAltNames.IpAddresses.SequenceEqual(template.IpAddresses)
            && parsed.CommonName == template.CommonName
            && key.PublicKeyMatches(parsed.PublicKey);
    }

    [Property(MaxTest = 500)]
    public bool DnsValidatorNeverThrowsAndAcceptsOnlyAscii(string? name)
    {
        var error = NameValidator.ValidateDnsName(name);
        _ = NameValidator.ValidateIpAddress(name);
        _ = NameValidator.ValidateUri(name);
        _ = NameValidator.ValidateEmailAddress(name);
        return error is not null || name!.All(c => c < 0x80);
    }
}
