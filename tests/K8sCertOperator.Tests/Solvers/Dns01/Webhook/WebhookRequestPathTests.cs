using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Tests.Solvers.Dns01.Webhook;

/// <summary>The webhook path is built from a DNS-1123 subdomain (group) and a DNS-1123 label (solver) only.</summary>
public class WebhookRequestPathTests
{
    [Theory]
    [InlineData("acme.example.com", "my-solver", "/apis/acme.example.com/v1alpha1/my-solver")]
    [InlineData("a", "b", "/apis/a/v1alpha1/b")]
    [InlineData("acme.cert-manager.io", "solver0", "/apis/acme.cert-manager.io/v1alpha1/solver0")]
    [InlineData("x/../../api/v1/namespaces/kube-system/secrets?dryRun=All#", "s", null)]
    [InlineData("acme.example.com.", "s", null)]
    [InlineData(".acme.example.com", "s", null)]
    [InlineData("-acme.example.com", "s", null)]
    [InlineData("acme-.example.com", "s", null)]
    [InlineData("ACME.example.com", "s", null)]
    [InlineData("acme example.com", "s", null)]
    [InlineData("acme%2fexample.com", "s", null)]
    [InlineData("", "s", null)]
    [InlineData(null, "s", null)]
    [InlineData("g", "", null)]
    [InlineData("g", null, null)]
    [InlineData("g", "a.b", null)]
    [InlineData("g", "a/b", null)]
    [InlineData("g", "..", null)]
    [InlineData("g", "-a", null)]
    [InlineData("g", "a-", null)]
    [InlineData("g", "s#", null)]
    public void Build(string? group, string? solver, string? expected)
    {
        var path = WebhookRequestPath.Build(group, solver, out var error);

        Assert.Equal(expected, path);
        Assert.Equal(expected is null, error is not null);
    }

    [Fact]
    public void Length_limits_are_those_of_kubernetes()
    {
        var label63 = new string('a', 63);
        Assert.True(WebhookRequestPath.IsDns1123Label(label63));
        Assert.False(WebhookRequestPath.IsDns1123Label(label63 + "a"));
        var subdomain253 = string.Join('.', Enumerable.Repeat(label63, 4))[..253];
        Assert.True(WebhookRequestPath.IsDns1123Subdomain(subdomain253.TrimEnd('.')));
        Assert.False(WebhookRequestPath.IsDns1123Subdomain(subdomain253 + "a"));
    }
}
