using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class KeyUsageResolverTests
{
    [Theory]
    [InlineData(new string[0], false, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, "")]
    [InlineData(new string[0], true, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, "")]
    [InlineData(new[] { "digital signature", "server auth" }, false, X509KeyUsageFlags.DigitalSignature, "1.3.6.1.5.5.7.3.1")]
    [InlineData(new[] { "signing", "client auth", "server auth" }, false, X509KeyUsageFlags.DigitalSignature, "1.3.6.1.5.5.7.3.2,1.3.6.1.5.5.7.3.1")]
    [InlineData(new[] { "cert sign", "crl sign" }, false, X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, "")]
    [InlineData(new[] { "Key Encipherment", "s/mime", "email protection" }, false, X509KeyUsageFlags.KeyEncipherment, "1.3.6.1.5.5.7.3.4")]
    [InlineData(new[] { "content commitment", "key agreement", "data encipherment", "encipher only", "decipher only" }, false,
        X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.EncipherOnly | X509KeyUsageFlags.DecipherOnly, "")]
    [InlineData(new[] { "server auth" }, false, X509KeyUsageFlags.None, "1.3.6.1.5.5.7.3.1")]
    [InlineData(new[] { "any", "code signing", "ocsp signing", "timestamping" }, false, X509KeyUsageFlags.None,
        "2.5.29.37.0,1.3.6.1.5.5.7.3.3,1.3.6.1.5.5.7.3.9,1.3.6.1.5.5.7.3.8")]
    [InlineData(new[] { "ipsec end system", "ipsec tunnel", "ipsec user", "microsoft sgc", "netscape sgc" }, false, X509KeyUsageFlags.None,
        "1.3.6.1.5.5.7.3.5,1.3.6.1.5.5.7.3.6,1.3.6.1.5.5.7.3.7,1.3.6.1.4.1.311.10.3.3,2.16.840.1.113730.4.1")]
    public void Resolve(string[] usages, bool isCa, X509KeyUsageFlags expectedFlags, string expectedEkus)
    {
        var (resolved, error) = KeyUsageResolver.Resolve(usages, isCa);
        Assert.Null(error);
        Assert.Equal(expectedFlags, resolved!.KeyUsage);
        Assert.Equal(expectedEkus, string.Join(',', resolved.ExtendedKeyUsageOids));
    }

    [Theory]
    [InlineData("server-auth")]
    [InlineData("")]
    [InlineData("superuser")]
    public void UnknownUsageIsAnError(string usage)
    {
        var (resolved, error) = KeyUsageResolver.Resolve(["digital signature", usage], false);
        Assert.Null(resolved);
        Assert.StartsWith("unknown usage", error, StringComparison.Ordinal);
    }
}
