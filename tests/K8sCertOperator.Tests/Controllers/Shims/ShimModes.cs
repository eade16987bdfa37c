using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Tests.Controllers.Shims;

/// <summary>The shim options of each API mode, as <see cref="ShimOptions.From"/> builds them.</summary>
internal static class ShimModes
{
    /// <summary>--api-mode cert-manager.</summary>
    public static ShimOptions CertManager { get; } = new() { CertManagerAnnotations = true, IssuerGroup = ApiGroups.CertManager, Flavor = ApiFlavor.CertManager };
}
