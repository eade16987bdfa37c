using System.CommandLine;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// Options of `revoke`. One command serves both forms: `revoke NAME` (through the cluster)
/// and `revoke --server URL --cert FILE` (standalone), told apart by --server.
/// </summary>
public sealed class RevokeSymbols
{
    public Option<string?> Server { get; } = new("--server") { Description = "ACME directory URL (standalone form)" };

    public Option<string?> Cert { get; } = new("--cert") { Description = "PEM certificate to revoke (standalone form)" };

    public Option<string?> Key { get; } = new("--key") { Description = "The certificate's private key PEM: sign with it instead of the account" };

    public Option<string?> AccountKey { get; } = new("--account-key") { Description = "Account key PEM of the account that ordered the certificate" };

    public Option<string?> Reason { get; } = new("--reason") { Description = "RFC 5280 reason name (keyCompromise, superseded, cessationOfOperation, …) or code" };

    public Option<string?> CaBundle { get; } = new("--ca-bundle") { Description = "PEM file with CA certificates to trust for the ACME server" };

    public Option<bool> Insecure { get; } = new("--insecure-skip-verify") { Description = "Do not verify the ACME server's TLS certificate (testing only)" };

    public IEnumerable<Option> All => [Server, Cert, Key, AccountKey, Reason, CaBundle, Insecure];
}
