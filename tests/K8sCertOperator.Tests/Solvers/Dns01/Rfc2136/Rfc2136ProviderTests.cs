using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.Tests.Solvers.Dns01.Rfc2136;

/// <summary>Configuration checks that need no server (updates themselves are tested against bind9).</summary>
public sealed class Rfc2136ProviderTests
{
    [Fact]
    public void A_key_name_without_a_secret_is_rejected_up_front()
    {
        var error = Assert.Throws<ArgumentException>(() => new Rfc2136Provider(new Rfc2136Settings("127.0.0.1:53", "key.")));
        Assert.Contains("key.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_algorithm_is_rejected_up_front() =>
        Assert.Throws<ArgumentException>(() => new Rfc2136Provider(new Rfc2136Settings("127.0.0.1:53", "key.", "hmac-sha3", [1])));

    [Fact]
    public void A_malformed_nameserver_is_rejected_up_front() =>
        Assert.Throws<FormatException>(() => new Rfc2136Provider(new Rfc2136Settings("127.0.0.1:notaport")));
}
