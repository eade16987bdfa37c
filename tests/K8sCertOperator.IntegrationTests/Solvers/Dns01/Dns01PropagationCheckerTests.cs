using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.IntegrationTests.Solvers.Dns01;

/// <summary>Propagation checks and CNAME following against a real BIND 9.</summary>
public sealed class Dns01PropagationCheckerTests(Bind9Fixture bind) : IClassFixture<Bind9Fixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableFact]
    public async Task Sees_a_presented_value_on_the_authoritative_nameserver()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var fqdn = UniqueFqdn();
        await new Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync(fqdn, "visible", None);
        var checker = new Dns01PropagationChecker(AuthoritativeOptions(TimeSpan.FromSeconds(30)));

        var result = await checker.CheckAsync(fqdn, "visible", None);

        Assert.True(result.IsPropagated, result.Message);
        // Found through SOA/NS discovery: the zone's NS host, reached via the override.
        Assert.Equal([$"ns1.example.com:{bind.Port}"], result.Nameservers);
        Assert.Empty(result.Pending);
    }

    [SkippableFact]
    public async Task Sees_the_value_through_recursive_nameservers_only()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var fqdn = UniqueFqdn();
        await new Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync(fqdn, "via-resolver", None);
        var checker = new Dns01PropagationChecker(new Dns01PropagationOptions
        {
            RecursiveNameservers = [bind.Nameserver],
            RecursiveNameserversOnly = true,
            Timeout = TimeSpan.FromSeconds(30),
        });

        var result = await checker.CheckAsync(fqdn, "via-resolver", None);

        Assert.True(result.IsPropagated, result.Message);
        Assert.Equal([bind.Nameserver], result.Nameservers);
    }

    [SkippableFact]
    public async Task Times_out_with_a_clear_message_for_a_value_never_presented()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var fqdn = UniqueFqdn();
        // Another value at the name must not count.
        await new Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync(fqdn, "other", None);
        var checker = new Dns01PropagationChecker(AuthoritativeOptions(TimeSpan.FromSeconds(2)));

        var result = await checker.CheckAsync(fqdn, "never-presented", None);

        Assert.False(result.IsPropagated);
        Assert.Equal($"TXT value not visible at {fqdn} on ns1.example.com:{bind.Port} after 2s", result.Message);
        Assert.Equal([$"ns1.example.com:{bind.Port}"], result.Pending);
    }

    [SkippableFact]
    public async Task Cname_follow_presents_at_the_target_and_the_check_sees_it_there()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var lookup = new DnsLookup();

        var effective = await ChallengeFqdnResolver.ResolveAsync(
            $"alias.{bind.Zone}", CnameStrategy.Follow, lookup, [bind.Endpoint], None);
        var unchanged = await ChallengeFqdnResolver.ResolveAsync(
            $"alias.{bind.Zone}", CnameStrategy.None, lookup, [bind.Endpoint], None);

        Assert.Equal(bind.CnameTarget, effective);
        Assert.Equal(bind.CnameAlias, unchanged);

        var value = $"cname-{Guid.NewGuid():N}";
        var provider = new Rfc2136Provider(bind.CreateRfc2136Settings());
        await provider.PresentAsync(effective, value, None);
        try
        {
            Assert.Contains(value, await bind.QueryTxtAsync(effective));
            var result = await new Dns01PropagationChecker(AuthoritativeOptions(TimeSpan.FromSeconds(30)))
                .CheckAsync(effective, value, None);
            Assert.True(result.IsPropagated, result.Message);
        }
        finally
        {
            await provider.CleanUpAsync(effective, value, None);
        }
    }

    [SkippableFact]
    public async Task Unknown_zone_gives_a_result_naming_the_problem()
    {
        Skip.If(bind.SkipReason is not null, bind.SkipReason);
        var checker = new Dns01PropagationChecker(AuthoritativeOptions(TimeSpan.FromSeconds(5)));

        var result = await checker.CheckAsync("_acme-challenge.not-served.test.", "v", None);

        Assert.False(result.IsPropagated);
        Assert.Contains("could not find the zone of _acme-challenge.not-served.test.", result.Message, StringComparison.Ordinal);
    }

    private Dns01PropagationOptions AuthoritativeOptions(TimeSpan timeout) => new()
    {
        RecursiveNameservers = [bind.Nameserver],
        AuthoritativeNameserverOverrides = new Dictionary<string, string> { [bind.NameserverHost] = bind.Nameserver },
        Timeout = timeout,
    };

    private string UniqueFqdn() => $"_acme-challenge.p{Guid.NewGuid():N}.{bind.Zone}";
}
