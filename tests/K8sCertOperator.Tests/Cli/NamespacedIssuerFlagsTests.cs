using System.CommandLine;
using K8sCertOperator.Cli;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Tests.Cli;

/// <summary>The outbound-policy flags: off by default, bound from flags.</summary>
public sealed class NamespacedIssuerFlagsTests
{
    [Fact]
    public void Default_is_unrestricted()
    {
        var options = Parse();

        Assert.False(options.NamespacedIssuers.IsActive);
        Assert.False(options.Http01SelfCheckAllowLoopback);
    }

    [Fact]
    public void Flags_are_bound()
    {
        var options = Parse("--restrict-namespaced-issuers", "--namespaced-issuer-acme-servers", "acme-v02.api.letsencrypt.org, ca.pki.svc",
            "--http01-self-check-allow-loopback");

        Assert.True(options.NamespacedIssuers.Enabled);
        Assert.Equal(["acme-v02.api.letsencrypt.org", "ca.pki.svc"], options.NamespacedIssuers.AllowedAcmeHosts);
        Assert.True(options.Http01SelfCheckAllowLoopback);
    }

    [Fact]
    public void An_allow_list_alone_turns_the_restriction_on()
    {
        var options = Parse("--namespaced-issuer-acme-servers", "ca.pki.svc");

        Assert.False(options.NamespacedIssuers.Enabled);
        Assert.True(options.NamespacedIssuers.IsActive);
    }

    private static OperatorOptions Parse(params string[] args)
    {
        var binder = new RunOptionsBinder();
        var root = new RootCommand();
        foreach (var option in binder.All)
        {
            root.Options.Add(option);
        }

        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        return binder.Bind(parse);
    }
}
