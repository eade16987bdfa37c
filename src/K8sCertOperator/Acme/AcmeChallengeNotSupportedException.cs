using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>No challenge the responder can solve fits an identifier (e.g. a wildcard with only HTTP-01).</summary>
public sealed class AcmeChallengeNotSupportedException : InvalidOperationException
{
    public AcmeChallengeNotSupportedException(AcmeIdentifier identifier, IReadOnlyList<string> supported, IReadOnlyList<string> offered)
        : base($"no usable challenge for {identifier}: responder supports [{string.Join(", ", supported)}], " +
               $"{(offered.Count == 0 ? "wildcards need dns-01" : $"server offers [{string.Join(", ", offered)}]")}")
    {
        Identifier = identifier;
        Supported = supported;
        Offered = offered;
    }

    public AcmeIdentifier Identifier { get; }

    public IReadOnlyList<string> Supported { get; }

    /// <summary>Challenge types the server offered; empty when the check happened before ordering.</summary>
    public IReadOnlyList<string> Offered { get; }
}
