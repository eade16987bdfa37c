using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>Checks our PEM/CSR/certificates against the real openssl CLI, in both directions.</summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pki-openssl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> Ok(params string[] args)
    {
        var (code, output) = await OpenSsl.RunAsync(_dir, CancellationToken.None, args);
        Assert.True(code == 0, $"openssl {string.Join(' ', args)} failed ({code}):\n{output}");
        return output;
    }

    [SkippableTheory]
    [InlineData("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048")]
    [InlineData("genrsa", "-traditional", "2048")]
    [InlineData("ecparam", "-name", "prime256v1", "-genkey")]
    [InlineData("ecparam", "-name", "secp384r1", "-genkey", "-noout")]
    [InlineData("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521")]
    public async Task DecodesKeysOpenSslWrites(params string[] args)
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        var pem = await Ok(args);
        using var key = PemCodec.DecodePrivateKey(pem);

        // Cross-check: openssl's public key for the same PEM equals ours.
        await File.WriteAllTextAsync(Path.Combine(_dir, "key.pem"), pem);
        var pub = await Ok("pkey", "-in", "key.pem", "-pubout");
        Assert.Equal(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()), string.Concat(pub.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim())));
    }

    [SkippableFact]
    public async Task OpenSslVerifiesOurCsrAndReadsOurKeys()
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        using var key = TestPki.Rsa();
        var csr = CsrBuilder.BuildPem(key, new CertificateTemplate
        {
            CommonName = "interop.example.com",
            DnsNames = ["interop.example.com", "*.interop.example.com"],
            IpAddresses = ["192.0.2.7"],
            Usages = ["digital signature", "server auth"],
        });
        await File.WriteAllTextAsync(Path.Combine(_dir, "csr.pem"), csr);
        var text = await Ok("req", "-in", "csr.pem", "-verify", "-noout", "-text");
        Assert.Contains("verify OK", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DNS:*.interop.example.com", text, StringComparison.Ordinal);
        Assert.Contains("IP Address:192.0.2.7", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Server Authentication", text, StringComparison.Ordinal);

        foreach (var encoding in new[] { PrivateKeyEncoding.Pkcs1, PrivateKeyEncoding.Pkcs8 })
        {
            await File.WriteAllTextAsync(Path.Combine(_dir, "k.pem"), key.ExportPem(encoding));
            await Ok("pkey", "-in", "k.pem", "-check", "-noout");
        }
    }

    [SkippableFact]
    public async Task OpenSslVerifiesChainWeIssue()
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        // openssl verifies against the wall clock, so this chain is issued for the real "now".
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var rootKey = TestPki.Ec();
        var rootPem = SelfSignedIssuer.Issue(rootKey, TestPki.CaTemplate("Interop Root"), TimeSpan.FromDays(30), now).CertificatePem;
        using var signer = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var leafKey = TestPki.Ec();
        var issued = signer.Sign(new CertificateTemplate { DnsNames = ["chain.example.com"], Usages = ["server auth"] }, leafKey, TimeSpan.FromDays(1), now);
        await File.WriteAllTextAsync(Path.Combine(_dir, "ca.pem"), issued.CaPem);
        await File.WriteAllTextAsync(Path.Combine(_dir, "leaf.pem"), issued.CertificatePem);
        var output = await Ok("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "leaf.pem");
        Assert.Contains("leaf.pem: OK", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadsCertificateOpenSslIssues()
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        await Ok("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem",
            "-out", "c.pem", "-days", "3", "-subj", "/O=Org/CN=openssl.example.com",
            "-addext", "subjectAltName=DNS:openssl.example.com,IP:10.9.8.7,URI:spiffe://x/y,email:a@example.com");
        var serialLine = await Ok("x509", "-in", "c.pem", "-noout", "-serial");
        using var cert = TestPki.Single(await File.ReadAllTextAsync(Path.Combine(_dir, "c.pem")));
        using var key = PemCodec.DecodePrivateKey(await File.ReadAllTextAsync(Path.Combine(_dir, "k.pem")));
        var info = CertificateInfo.FromCertificate(cert);
        Assert.True(key.PublicKeyMatches(cert));
        Assert.Equal("openssl.example.com", info.CommonName);
        Assert.Equal(["openssl.example.com"], info.SubjectAltNames.DnsNames);
        Assert.Equal(["10.9.8.7"], info.SubjectAltNames.IpAddresses);
        Assert.Equal(["spiffe://x/y"], info.SubjectAltNames.Uris);
        Assert.Equal(["a@example.com"], info.SubjectAltNames.EmailAddresses);
        Assert.Equal(serialLine.Trim()["serial=".Length..].TrimStart('0'), info.SerialNumberHex.TrimStart('0'));
        Assert.Equal(TimeSpan.FromDays(3), info.NotAfter - info.NotBefore);
    }

    [SkippableFact]
    public async Task Ed25519CertificateIsReadableButItsKeyIsRejected()
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        await Ok("req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "1",
            "-subj", "/CN=ed.example.com", "-addext", "subjectAltName=DNS:ed.example.com");
        using var cert = TestPki.Single(await File.ReadAllTextAsync(Path.Combine(_dir, "c.pem")));
        var info = CertificateInfo.FromCertificate(cert);
        Assert.Equal(KeyAlgorithm.Ed25519, info.PublicKeyAlgorithm);
        Assert.Equal(["ed.example.com"], info.SubjectAltNames.DnsNames);

        // An Ed25519 Secret therefore reads as "key does not match spec" upstream, never as a crash.
        using var ec = TestPki.Ec();
        Assert.False(ec.PublicKeyMatches(cert));
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(File.ReadAllText(Path.Combine(_dir, "k.pem"))));
        Assert.Contains("Ed25519", ex.Message, StringComparison.Ordinal);
    }
}
