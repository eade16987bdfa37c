using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Tests.Acme.Jws;

/// <summary>EAB inner JWS: MAC, header members, no key leaks.</summary>
public class ExternalAccountBindingTests
{
    private static readonly Uri NewAccount = new("https://acme.example/new-account");

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public void Mac_is_the_hmac_of_the_signing_input_under_the_decoded_key(string algorithm)
    {
        var key = RandomNumberGenerator.GetBytes(64);
        using var account = JwsSigners.CreateEs256();
        var binding = new ExternalAccountBinding("kid-1", Base64Url.EncodeToString(key), algorithm);

        var jws = binding.CreateBinding(account.Jwk, NewAccount);

        var input = Encoding.ASCII.GetBytes(jws.Protected + "." + jws.Payload);
        byte[] expected = algorithm switch
        {
            "HS256" => HMACSHA256.HashData(key, input),
            "HS384" => HMACSHA384.HashData(key, input),
            _ => HMACSHA512.HashData(key, input),
        };
        Assert.Equal(expected, Base64Url.DecodeFromChars(jws.Signature));
    }

    [Fact]
    public void Header_names_alg_kid_and_url_without_nonce_and_payload_is_the_account_jwk()
    {
        using var account = JwsSigners.CreateEs256();
        var binding = new ExternalAccountBinding("kid-7", Base64Url.EncodeToString(new byte[32]));

        var jws = binding.CreateBinding(account.Jwk, NewAccount);

        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(jws.Protected)).RootElement;
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("kid-7", header.GetProperty("kid").GetString());
        Assert.Equal(NewAccount.AbsoluteUri, header.GetProperty("url").GetString());
        Assert.False(header.TryGetProperty("nonce", out _));
        Assert.Equal(account.Jwk.ToCanonicalJson(), Base64Url.DecodeFromChars(jws.Payload));
    }

    [Fact]
    public void To_string_never_shows_the_mac_key()
    {
        var binding = new ExternalAccountBinding("kid-1", "c2VjcmV0LW1hYy1rZXk");

        Assert.DoesNotContain("c2VjcmV0LW1hYy1rZXk", binding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_mac_key_is_a_format_error_without_the_key()
    {
        using var account = JwsSigners.CreateEs256();
        var binding = new ExternalAccountBinding("kid-1", "not base64url!!");

        var error = Assert.Throws<FormatException>(() => binding.CreateBinding(account.Jwk, NewAccount));

        Assert.DoesNotContain("not base64url", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HS256", 31, false)]
    [InlineData("HS256", 32, true)]
    [InlineData("HS384", 32, false)]
    [InlineData("HS384", 47, false)]
    [InlineData("HS384", 48, true)]
    [InlineData("HS512", 32, false)]
    [InlineData("HS512", 48, false)]
    [InlineData("HS512", 63, false)]
    [InlineData("HS512", 64, true)]
    [InlineData("HS512", 100, true)]
    public void A_mac_key_shorter_than_the_hash_is_refused_rfc7518(string algorithm, int keyBytes, bool accepted)
    {
        var binding = new ExternalAccountBinding("kid-1", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(keyBytes)), algorithm);

        if (accepted)
        {
            Assert.Equal(keyBytes, binding.DecodeMacKey().Length);
            return;
        }
        var error = Assert.Throws<FormatException>(binding.DecodeMacKey);
        Assert.Contains($"is {keyBytes} bytes, but {algorithm} needs at least {ExternalAccountBinding.MinimumKeyBytes(algorithm)}", error.Message, StringComparison.Ordinal);
        Assert.Contains("RFC 7518", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(binding.MacKeyBase64Url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_names_an_algorithm_it_would_fit()
    {
        var binding = new ExternalAccountBinding("kid-1", Base64Url.EncodeToString(new byte[48]), "HS512");

        var error = Assert.Throws<FormatException>(binding.DecodeMacKey);

        Assert.Contains("(HS384)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_algorithm_is_refused_before_signing()
    {
        var binding = new ExternalAccountBinding("kid-1", Base64Url.EncodeToString(new byte[64]), "HS1");

        var error = Assert.Throws<FormatException>(binding.DecodeMacKey);

        Assert.Contains("HS256, HS384, HS512", error.Message, StringComparison.Ordinal);
    }
}
