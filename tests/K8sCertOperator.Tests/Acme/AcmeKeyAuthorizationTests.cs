using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Tests.Acme;

/// <summary>Key authorizations, DNS-01 values and record names, identifier parsing.</summary>
public class AcmeKeyAuthorizationTests
{
    [Fact]
    public void Key_authorization_is_token_dot_thumbprint()
    {
        var jwk = new Jwk { Kty = "RSA", E = "AQAB", N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw" };

        Assert.Equal("tok.NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", AcmeKeyAuthorization.Compute("tok", jwk));
    }

    [Fact]
    public void Dns01_value_is_unpadded_base64url_sha256_of_the_key_authorization()
    {
        const string keyAuthorization = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

        var value = AcmeKeyAuthorization.Dns01TxtValue(keyAuthorization);

        Assert.Equal(43, value.Length);
        Assert.DoesNotContain('=', value);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(keyAuthorization)), Base64Url.DecodeFromChars(value));
    }

    [Theory]
    [InlineData("a.example.com", "_acme-challenge.a.example.com.")]
    [InlineData("*.example.com", "_acme-challenge.example.com.")]
    [InlineData("a.example.com.", "_acme-challenge.a.example.com.")]
    public void Dns01_record_name_drops_the_wildcard_label(string name, string expected)
    {
        Assert.Equal(expected, AcmeKeyAuthorization.Dns01RecordName(new AcmeIdentifier("dns", name)));
    }

    [Theory]
    [InlineData("a.example.com", "dns", false)]
    [InlineData("*.example.com", "dns", true)]
    [InlineData("192.0.2.1", "ip", false)]
    [InlineData("2001:db8::1", "ip", false)]
    [InlineData("A.Example.COM.", "dns", false)]
    [InlineData("10.1", "dns", false)] // inet_aton shorthand is not an IP identifier
    [InlineData("123", "dns", false)]
    public void Identifiers_parse_as_dns_or_ip(string text, string type, bool wildcard)
    {
        var identifier = AcmeIdentifier.Parse(text);

        Assert.Equal(type, identifier.Type);
        Assert.Equal(wildcard, identifier.IsWildcard);
        if (type == "dns")
        {
            Assert.Equal(text.TrimEnd('.').ToLowerInvariant(), identifier.Value);
        }
    }
}
