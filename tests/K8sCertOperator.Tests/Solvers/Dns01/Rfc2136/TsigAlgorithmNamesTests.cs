using ARSoft.Tools.Net.Dns;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.Tests.Solvers.Dns01.Rfc2136;

public sealed class TsigAlgorithmNamesTests
{
    [Theory]
    [InlineData("hmac-sha256", TSigAlgorithm.Sha256)]
    [InlineData("HMACSHA256", TSigAlgorithm.Sha256)]
    [InlineData("hmac-sha256.", TSigAlgorithm.Sha256)]
    [InlineData("hmac-sha512", TSigAlgorithm.Sha512)]
    [InlineData("HMACSHA512", TSigAlgorithm.Sha512)]
    [InlineData("hmac-sha384", TSigAlgorithm.Sha384)]
    [InlineData("hmac-sha224", TSigAlgorithm.Sha224)]
    [InlineData("hmac-sha1", TSigAlgorithm.Sha1)]
    [InlineData("HMACSHA1", TSigAlgorithm.Sha1)]
    [InlineData("hmac-md5", TSigAlgorithm.Md5)]
    [InlineData("HMACMD5", TSigAlgorithm.Md5)]
    [InlineData("hmac-md5.sig-alg.reg.int.", TSigAlgorithm.Md5)]
    public void Accepts_rfc_bind_and_cert_manager_spellings(string name, TSigAlgorithm expected) =>
        Assert.Equal(expected, TsigAlgorithmNames.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData("gss-tsig")]
    public void Rejects_unsupported_algorithms(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TsigAlgorithmNames.Parse(name));
        Assert.Contains("hmac-sha256", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TSigAlgorithm.Sha256, "hmac-sha256")]
    [InlineData(TSigAlgorithm.Sha512, "hmac-sha512")]
    [InlineData(TSigAlgorithm.Md5, "hmac-md5.sig-alg.reg.int")]
    public void Wire_names_follow_rfc_8945(TSigAlgorithm algorithm, string expected) =>
        Assert.Equal(expected, TsigAlgorithmNames.WireName(algorithm));

    [Theory]
    [InlineData(9, "NOTAUTH")]
    [InlineData(16, "BADSIG")]
    [InlineData(17, "BADKEY")]
    [InlineData(5, "REFUSED")]
    [InlineData(99, "RCODE99")]
    public void Response_codes_have_mnemonics(int code, string expected) =>
        Assert.Equal(expected, DnsResponseCodes.Mnemonic(code));
}
