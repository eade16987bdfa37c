using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>
/// A table test of <see cref="CertificateSpecValidator"/>: each named row mutates <see cref="PolicyFixtures.Certificate"/>'s
/// spec and says whether it is valid or which fragment an error must contain. Mutation and outcome sit on one row, so
/// no row can lack an outcome; a repeated name fails when the table is built.
/// </summary>
internal sealed class SpecValidatorTable
{
    private readonly Dictionary<string, (Action<CertificateSpec> Mutate, string? Fragment)> _rows = new(StringComparer.Ordinal);

    public SpecValidatorTable Valid(string name, Action<CertificateSpec> mutate) => Add(name, mutate, null);

    public SpecValidatorTable Invalid(string name, string fragment, Action<CertificateSpec> mutate) => Add(name, mutate, fragment);

    /// <summary>Row names, for [MemberData].</summary>
    public TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in _rows.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Validates the row's spec and asserts its outcome.</summary>
    public void Check(string name)
    {
        var (mutate, fragment) = _rows[name];

        var errors = CertificateSpecValidator.Validate(PolicyFixtures.Certificate(mutate).Spec);

        if (fragment is null)
        {
            Assert.True(errors.Count == 0, $"{name}: expected valid, got: {string.Join("; ", errors)}");
        }
        else
        {
            Assert.True(errors.Any(e => e.Contains(fragment, StringComparison.Ordinal)), $"{name}: no error contains \"{fragment}\": {string.Join("; ", errors)}");
        }
    }

    private SpecValidatorTable Add(string name, Action<CertificateSpec> mutate, string? fragment)
    {
        _rows.Add(name, (mutate, fragment));
        return this;
    }
}
