using System.CommandLine;
using K8sCertOperator.Cli;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Hosting;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Cli;

/// <summary>The order rate limit, renewal spread and outbound policy flags: defaults, binding, and strict errors.</summary>
public sealed class RunOptionsBinderTests
{
    private static (OperatorOptions? Options, IReadOnlyList<string> Errors) Parse(params string[] args)
    {
        var binder = new RunOptionsBinder();
        var root = new RootCommand();
        foreach (var option in binder.All)
        {
            root.Options.Add(option);
        }
        var parse = root.Parse(args);
        var errors = parse.Errors.Select(e => e.Message).ToList();
        return (errors.Count == 0 ? binder.Bind(parse) : null, errors);
    }

    [Fact]
    public void Defaults_are_no_order_limit_and_ten_percent_up_to_an_hour()
    {
        var (options, errors) = Parse();

        Assert.Empty(errors);
        Assert.Null(options!.AcmeOrderRate);
        Assert.Equal(RenewalJitter.Default, options.RenewalJitter);
        Assert.Equal(new RenewalJitter(10, TimeSpan.FromHours(1)), options.RenewalJitter);
    }

    [Theory]
    [InlineData(new[] { "--acme-order-rate", "300/3h" }, 300, 10800)]
    [InlineData(new[] { "--acme-order-rate", "5/1m" }, 5, 60)]
    [InlineData(new[] { "--acme-order-rate", "off" }, 0, 0)]
    public void Order_rate_is_bound(string[] args, int count, int seconds)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(count == 0 ? null : new AcmeOrderRate(count, TimeSpan.FromSeconds(seconds)), options!.AcmeOrderRate);
    }

    [Theory]
    [InlineData(new[] { "--renewal-jitter-percent", "25", "--renewal-jitter-max", "30m" }, 25, 1800)]
    [InlineData(new[] { "--renewal-jitter-percent", "0" }, 0, 3600)]
    [InlineData(new[] { "--renewal-jitter-max", "02:00:00" }, 10, 7200)]
    public void Jitter_is_bound(string[] args, int percent, int maxSeconds)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(new RenewalJitter(percent, TimeSpan.FromSeconds(maxSeconds)), options!.RenewalJitter);
    }

    [Theory]
    [InlineData(new[] { "--acme-order-rate", "300" }, "--acme-order-rate: '300' is not COUNT/DURATION")]
    [InlineData(new[] { "--acme-order-rate", "many/3h" }, "not a positive whole number")]
    [InlineData(new[] { "--acme-order-rate", "300/3 hours" }, "is not a duration")]
    [InlineData(new[] { "--renewal-jitter-percent", "80" }, "between 0 and 50")]
    [InlineData(new[] { "--renewal-jitter-max", "soon" }, "--renewal-jitter-max: 'soon' is not a duration")]
    [InlineData(new[] { "--api-mode", "certmanager" }, "--api-mode: 'certmanager' is not one of k8scert, cert-manager")]
    [InlineData(new[] { "--cert-manager-lease", "cert-manager-controller" }, "is not NAMESPACE/NAME or none")]
    [InlineData(new[] { "--cert-manager-lease", "kube-system/" }, "is not NAMESPACE/NAME or none")]
    public void Malformed_values_are_errors_that_say_why(string[] args, string expected)
    {
        var (_, errors) = Parse(args);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Outbound_policy_is_off_by_default()
    {
        var (options, errors) = Parse();

        Assert.Empty(errors);
        Assert.False(options!.NamespacedIssuers.IsActive);
        Assert.False(options.Http01SelfCheckAllowLoopback);
    }

    [Fact]
    public void Outbound_policy_flags_are_bound()
    {
        var (options, errors) = Parse("--restrict-namespaced-issuers", "--namespaced-issuer-acme-servers", "acme-v02.api.letsencrypt.org, ca.pki.svc",
            "--http01-self-check-allow-loopback");

        Assert.Empty(errors);
        Assert.True(options!.NamespacedIssuers.Enabled);
        Assert.Equal(["acme-v02.api.letsencrypt.org", "ca.pki.svc"], options.NamespacedIssuers.AllowedAcmeHosts);
        Assert.True(options.Http01SelfCheckAllowLoopback);
    }

    [Fact]
    public void An_acme_server_allow_list_alone_turns_the_restriction_on()
    {
        var (options, errors) = Parse("--namespaced-issuer-acme-servers", "ca.pki.svc");

        Assert.Empty(errors);
        Assert.False(options!.NamespacedIssuers.Enabled);
        Assert.True(options.NamespacedIssuers.IsActive);
    }

    [Theory]
    [InlineData(new[] { "--namespace", "k8s-cert-operator" }, "k8s-cert-operator")]
    [InlineData(new[] { "--namespace", "k8s-cert-operator", "--cluster-resource-namespace", "cert-manager" }, "cert-manager")]
    [InlineData(new[] { "--namespace", "k8s-cert-operator", "--cluster-resource-namespace", "" }, "k8s-cert-operator")]
    public void ClusterIssuer_secrets_are_in_the_cluster_resource_namespace_else_the_operators(string[] args, string expected)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(expected, K8sCertOperator.Controllers.OperatorContext.ClusterResourceNamespaceOf(options!));
        Assert.Equal("k8s-cert-operator", options!.Namespace);
    }

    [Theory]
    [InlineData(new string[0], K8sCertOperator.Solvers.Http01.Http01SolverNamespace.Certificate)]
    [InlineData(new[] { "--http01-solver-namespace", "certificate" }, K8sCertOperator.Solvers.Http01.Http01SolverNamespace.Certificate)]
    [InlineData(new[] { "--http01-solver-namespace", "operator" }, K8sCertOperator.Solvers.Http01.Http01SolverNamespace.Operator)]
    [InlineData(new[] { "--http01-solver-namespace=Operator" }, K8sCertOperator.Solvers.Http01.Http01SolverNamespace.Operator)]
    public void Http01_solver_namespace_defaults_to_the_certificates(string[] args, K8sCertOperator.Solvers.Http01.Http01SolverNamespace expected)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(expected, options!.Http01SolverNamespace);
        Assert.Equal("cluster.local", options.ClusterDomain);
    }

    [Fact]
    public void Unknown_http01_solver_namespace_is_an_error()
    {
        var (_, errors) = Parse("--http01-solver-namespace", "kube-system");

        Assert.Contains(errors, e => e.Contains("'kube-system' is not certificate or operator", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], K8sCertOperator.Controllers.GatewayShim.GatewayApiMode.Auto)]
    [InlineData(new[] { "--gateway-api", "on" }, K8sCertOperator.Controllers.GatewayShim.GatewayApiMode.On)]
    [InlineData(new[] { "--gateway-api=OFF" }, K8sCertOperator.Controllers.GatewayShim.GatewayApiMode.Off)]
    [InlineData(new[] { "--gateway-api", "auto" }, K8sCertOperator.Controllers.GatewayShim.GatewayApiMode.Auto)]
    public void Gateway_api_defaults_to_auto(string[] args, K8sCertOperator.Controllers.GatewayShim.GatewayApiMode expected)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(expected, options!.GatewayApi);
    }

    [Fact]
    public void Unknown_gateway_api_mode_is_an_error()
    {
        var (_, errors) = Parse("--gateway-api", "maybe");

        Assert.Contains(errors, e => e.Contains("--gateway-api: 'maybe' is not auto, on or off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], "k8scert", "kube-system", "cert-manager-controller")]
    [InlineData(new[] { "--api-mode", "cert-manager" }, "cert-manager", "kube-system", "cert-manager-controller")]
    [InlineData(new[] { "--api-mode", "cert-manager", "--cert-manager-lease", "cm/cm-controller" }, "cert-manager", "cm", "cm-controller")]
    [InlineData(new[] { "--api-mode", "cert-manager", "--cert-manager-lease", "none" }, "cert-manager", "kube-system", null)]
    public void Api_mode_and_cert_manager_lease_are_bound(string[] args, string mode, string leaseNamespace, string? leaseName)
    {
        var (options, errors) = Parse(args);

        Assert.Empty(errors);
        Assert.Equal(mode, options!.ApiMode.Mode);
        Assert.Equal(leaseNamespace, options.CertManagerLeaseNamespace);
        Assert.Equal(leaseName, options.CertManagerLeaseName);
    }
}
