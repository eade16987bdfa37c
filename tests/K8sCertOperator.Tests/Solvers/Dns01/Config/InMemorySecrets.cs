using System.Text;

namespace K8sCertOperator.Tests.Solvers.Dns01.Config;

/// <summary>An in-memory stand-in for the caller's secret-reading delegate; records what was asked for.</summary>
internal sealed class InMemorySecrets
{
    private readonly Dictionary<(string Secret, string Key), byte[]> _values = [];

    public List<(string Secret, string Key)> Reads { get; } = [];

    public InMemorySecrets With(string secret, string key, string value) => With(secret, key, Encoding.UTF8.GetBytes(value));

    public InMemorySecrets With(string secret, string key, byte[] value)
    {
        _values[(secret, key)] = value;
        return this;
    }

    public Task<byte[]?> ReadAsync(string secret, string key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Reads.Add((secret, key));
        return Task.FromResult(_values.TryGetValue((secret, key), out var value) ? value : null);
    }
}
