namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>Settings of the Route53 provider (cert-manager's <c>route53</c> solver with static credentials).</summary>
/// <param name="Credentials">Static access key and secret.</param>
/// <param name="Region">Signing region; Route53 is global and signs in us-east-1 in the aws partition.</param>
/// <param name="HostedZoneId">Hosted zone to update; looked up by name when null.</param>
public sealed record Route53Settings(AwsCredentials Credentials, string Region = "us-east-1", string? HostedZoneId = null)
    : DnsProviderSettings
{
    /// <summary>The documented API endpoint; replaced in tests by a local endpoint.</summary>
    public static readonly Uri DefaultBaseUri = new("https://route53.amazonaws.com/");

    public Uri BaseUri { get; init; } = DefaultBaseUri;

    public int Ttl { get; init; } = 60;
}
