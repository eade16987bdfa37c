using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Tests.Solvers.Dns01.Config;

public sealed class Dns01ConfigMapperErrorTests
{
    private const string SecretValue = "TOP-SECRET-VALUE";

    private static SecretKeySelector Ref(string name, string? key) => new() { Name = name, Key = key };

    // The store every case reads from; "bad" holds text that is not base64, "empty" an empty value.
    private static InMemorySecrets Store() => new InMemorySecrets()
        .With("present", "value", SecretValue)
        .With("present", "bad", SecretValue + "!!")
        .With("present", "empty", [])
        .With("present", "blank", "  \n");

    public static TheoryData<string, AcmeChallengeSolverDns01, string[]> Cases => new()
    {
        { "no provider", new(), ["no provider configured", "rfc2136, cloudflare, route53, webhook"] },
        {
            "two providers",
            new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", "value") }, Webhook = new() { GroupName = "g", SolverName = "s" } },
            ["several providers", "cloudflare, webhook"]
        },
        { "bad cname strategy", new() { CnameStrategy = "Chase", Webhook = new() { GroupName = "g", SolverName = "s" } }, ["cnameStrategy 'Chase'", "None or Follow"] },
        { "missing secret", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("cf-token", "api-token") } }, ["cloudflare.apiTokenSecretRef", "Secret shop/cf-token", "'api-token'"] },
        { "missing key", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", "nokey") } }, ["Secret shop/present", "'nokey'"] },
        { "empty value", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", "empty") } }, ["'empty'", "shop/present", "is empty"] },
        { "blank value", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", "blank") } }, ["'blank'", "shop/present", "is blank"] },
        { "no key in selector", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", null) } }, ["cloudflare.apiTokenSecretRef.key is required", "shop/present"] },
        { "no name in selector", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("", "value") } }, ["cloudflare.apiTokenSecretRef.name is required"] },
        { "cloudflare both", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("present", "value"), ApiKeySecretRef = Ref("present", "value"), Email = "a@b" } }, ["mutually exclusive"] },
        { "cloudflare neither", new() { Cloudflare = new() { Email = "a@b" } }, ["apiTokenSecretRef", "apiKeySecretRef"] },
        { "cloudflare key without email", new() { Cloudflare = new() { ApiKeySecretRef = Ref("present", "value") } }, ["cloudflare.email is required"] },
        { "rfc2136 no nameserver", new() { Rfc2136 = new() { Nameserver = " " } }, ["rfc2136.nameserver is required"] },
        { "rfc2136 bad nameserver", new() { Rfc2136 = new() { Nameserver = "ns:99999" } }, ["rfc2136.nameserver is invalid"] },
        { "rfc2136 bad algorithm", new() { Rfc2136 = new() { Nameserver = "ns", TsigAlgorithm = "HMACGOST" } }, ["rfc2136.tsigAlgorithm is invalid", "HMACGOST"] },
        { "rfc2136 secret without key name", new() { Rfc2136 = new() { Nameserver = "ns", TsigSecretSecretRef = Ref("present", "value") } }, ["tsigKeyName is required"] },
        { "rfc2136 key name without secret", new() { Rfc2136 = new() { Nameserver = "ns", TsigKeyName = "k" } }, ["tsigSecretSecretRef is required"] },
        { "rfc2136 secret not base64", new() { Rfc2136 = new() { Nameserver = "ns", TsigKeyName = "k", TsigSecretSecretRef = Ref("present", "bad") } }, ["not valid base64", "'bad'", "shop/present"] },
        { "rfc2136 missing tsig secret", new() { Rfc2136 = new() { Nameserver = "ns", TsigKeyName = "k", TsigSecretSecretRef = Ref("tsig", "secret") } }, ["rfc2136.tsigSecretSecretRef", "shop/tsig", "'secret'"] },
        { "route53 two key ids", new() { Route53 = new() { AccessKeyId = "AKID", AccessKeyIdSecretRef = Ref("present", "value"), SecretAccessKeySecretRef = Ref("present", "value") } }, ["mutually exclusive"] },
        { "route53 ambient", new() { Route53 = new() { Region = "us-east-1" } }, ["ambient AWS credentials are not supported"] },
        { "route53 role", new() { Route53 = new() { Role = "arn:aws:iam::1:role/dns", AccessKeyId = "AKID", SecretAccessKeySecretRef = Ref("present", "value") } }, ["route53.role"] },
        { "route53 no secret key", new() { Route53 = new() { AccessKeyId = "AKID" } }, ["secretAccessKeySecretRef is required"] },
        { "route53 no key id", new() { Route53 = new() { SecretAccessKeySecretRef = Ref("present", "value") } }, ["accessKeyID or accessKeyIDSecretRef is required"] },
        { "route53 missing secret", new() { Route53 = new() { AccessKeyId = "AKID", SecretAccessKeySecretRef = Ref("aws", "secret-access-key") } }, ["route53.secretAccessKeySecretRef", "shop/aws", "'secret-access-key'"] },
        { "webhook no group", new() { Webhook = new() { SolverName = "s" } }, ["webhook.groupName is required"] },
        { "webhook no solver", new() { Webhook = new() { GroupName = "g" } }, ["webhook.solverName is required"] },
        {
            "webhook group path injection",
            new() { Webhook = new() { GroupName = "x/../../api/v1/namespaces/kube-system/secrets?dryRun=All#", SolverName = "s" } },
            ["groupName must be a DNS-1123 subdomain"]
        },
        { "webhook solver not a label", new() { Webhook = new() { GroupName = "acme.example.com", SolverName = "a/../b" } }, ["solverName must be a DNS-1123 label"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Configuration_problems_are_named_without_leaking_secrets(string why, AcmeChallengeSolverDns01 dns01, string[] expected)
    {
        var error = await Assert.ThrowsAsync<Dns01ConfigException>(
            () => Dns01ConfigMapper.MapAsync(dns01, new Dns01ConfigContext("shop", "www.example.com"), Store().ReadAsync, CancellationToken.None));

        foreach (var part in expected)
        {
            Assert.True(error.Message.Contains(part, StringComparison.Ordinal), $"{why}: '{error.Message}' lacks '{part}'");
        }
        Assert.DoesNotContain(SecretValue, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, error.ToString(), StringComparison.Ordinal);
    }
}
