using K8sCertOperator.Solvers.Dns01.Route53;

namespace K8sCertOperator.Tests.Solvers.Dns01.Route53;

/// <summary>Against vectors of AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite).</summary>
public sealed class AwsSigV4SignerTests
{
    private static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string Scope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=";

    [Theory]
    [InlineData("get-vanilla", "GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla", "POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Signs_like_the_published_test_suite(string vector, string method, string url, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        AwsSigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.True(request.Headers.TryGetValues("Authorization", out var values), vector);
        Assert.Equal(Scope + signature, Assert.Single(values));
        Assert.Equal("20150830T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public void Get_vanilla_canonical_request_and_string_to_sign_match_the_suite()
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = "example.amazonaws.com",
            ["x-amz-date"] = "20150830T123600Z",
        };
        var canonical = AwsSigV4Signer.CanonicalRequest(
            "GET", new Uri("https://example.amazonaws.com/"), headers,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

        Assert.Equal(
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonical);
        Assert.Equal(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            AwsSigV4Signer.StringToSign(canonical, "20150830/us-east-1/service/aws4_request", SuiteTime));
    }

    [Fact]
    public void Session_token_is_sent_and_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://route53.amazonaws.com/2013-04-01/hostedzone");

        AwsSigV4Signer.Sign(request, [], SuiteCredentials with { SessionToken = "session" }, "us-east-1", "route53", SuiteTime);

        Assert.Equal("session", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc-_.~", "abc-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("\u1234", "%E1%88%B4")]
    [InlineData("_acme-challenge.example.com.", "_acme-challenge.example.com.")]
    public void Encodes_everything_but_unreserved_characters(string raw, string expected) =>
        Assert.Equal(expected, AwsSigV4Signer.Encode(raw));
}
