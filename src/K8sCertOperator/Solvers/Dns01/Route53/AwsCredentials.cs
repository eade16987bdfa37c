namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>Static AWS credentials (access key, secret, optional STS session token).</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
