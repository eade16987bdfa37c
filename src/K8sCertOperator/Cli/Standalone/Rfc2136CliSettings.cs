namespace K8sCertOperator.Cli.Standalone;

/// <summary>The `--dns01-rfc2136` family of flags.</summary>
public sealed record Rfc2136CliSettings(string Nameserver, string? TsigKeyName, string TsigAlgorithm, string? TsigSecretFile);
