using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.IntegrationTests.Solvers.Dns01;

/// <summary>RFC 2136 + TSIG updates against a real BIND 9.</summary>
public sealed class Rfc2136ProviderTests(Bind9Fixture bind) : IClassFixture<Bind9Fixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableFact]
    public async Task Present_puts_the_txt_value_into_the_zone()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings());
        var fqdn = UniqueFqdn();

        await provider.PresentAsync(fqdn, "value-one", None);

        Assert.Equal(["value-one"], await bind.QueryTxtAsync(fqdn));
    }

    [SkippableTheory]
    [InlineData("hmac-sha256")]
    [InlineData("hmac-sha512")]
    [InlineData("hmac-sha1")]
    [InlineData("hmac-md5")]
    public async Task Updates_signed_with_each_tsig_algorithm_are_accepted(string algorithm)
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings(algorithm));
        var fqdn = UniqueFqdn();

        await provider.PresentAsync(fqdn, algorithm, None);
        Assert.Equal([algorithm], await bind.QueryTxtAsync(fqdn));

        await provider.CleanUpAsync(fqdn, algorithm, None);
        Assert.Empty(await bind.QueryTxtAsync(fqdn));
    }

    [SkippableFact]
    public async Task Second_present_keeps_both_values_and_cleanup_removes_only_ours()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings());
        var fqdn = UniqueFqdn();

        await provider.PresentAsync(fqdn, "first", None);
        await provider.PresentAsync(fqdn, "second", None);
        Assert.Equal(["first", "second"], (await bind.QueryTxtAsync(fqdn)).Order(StringComparer.Ordinal));

        await provider.CleanUpAsync(fqdn, "first", None);
        Assert.Equal(["second"], await bind.QueryTxtAsync(fqdn));

        await provider.CleanUpAsync(fqdn, "second", None);
        Assert.Empty(await bind.QueryTxtAsync(fqdn));
    }

    [SkippableFact]
    public async Task Cleanup_of_a_value_never_presented_is_not_an_error()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings());
        var fqdn = UniqueFqdn();
        await provider.PresentAsync(fqdn, "kept", None);

        await provider.CleanUpAsync(fqdn, "never-there", None);

        Assert.Equal(["kept"], await bind.QueryTxtAsync(fqdn));
    }

    [SkippableFact]
    public async Task Wrong_tsig_secret_is_rejected_with_a_typed_error_and_changes_nothing()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var wrong = bind.CreateRfc2136Settings() with { TsigSecret = new byte[32] };
        var provider = new Rfc2136Provider(wrong);
        var fqdn = UniqueFqdn();

        var error = await Assert.ThrowsAsync<Rfc2136UpdateException>(() => provider.PresentAsync(fqdn, "nope", None));

        Assert.Equal("NOTAUTH", error.ResponseCode);
        Assert.Equal("BADSIG", error.TsigError);
        Assert.Contains("NOTAUTH/BADSIG", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(bind.TsigSecret), error.Message, StringComparison.Ordinal);
        Assert.Empty(await bind.QueryTxtAsync(fqdn));
    }

    [SkippableFact]
    public async Task Unknown_tsig_key_is_rejected_as_badkey()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var unknown = bind.CreateRfc2136Settings() with { TsigKeyName = "no-such-key." };
        var provider = new Rfc2136Provider(unknown);

        var error = await Assert.ThrowsAsync<Rfc2136UpdateException>(() => provider.PresentAsync(UniqueFqdn(), "nope", None));

        Assert.Equal("NOTAUTH", error.ResponseCode);
        Assert.Equal("BADKEY", error.TsigError);
    }

    [SkippableFact]
    public async Task Unsigned_update_is_refused_with_a_typed_error()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(new Rfc2136Settings(bind.Nameserver));
        var fqdn = UniqueFqdn();

        var error = await Assert.ThrowsAsync<Rfc2136UpdateException>(() => provider.PresentAsync(fqdn, "nope", None));

        Assert.Equal("REFUSED", error.ResponseCode);
        Assert.Null(error.TsigError);
        Assert.Empty(await bind.QueryTxtAsync(fqdn));
    }

    [SkippableFact]
    public async Task Zone_is_found_by_soa_walk_from_a_deep_name()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings());

        var zone = await provider.FindZoneAsync($"_acme-challenge.a.b.c.{bind.Zone}", None);

        Assert.Equal(bind.Zone, zone);
    }

    private string UniqueFqdn() => $"_acme-challenge.t{Guid.NewGuid():N}.{bind.Zone}";
}
