using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace K8sCertOperator.Pki;

/// <summary>
/// Remembers the result of a pure parse by a digest of its input bytes. Reconcile passes read the same tls.crt,
/// tls.key and CSR over and over, and each platform parse of a certificate, key or signed request costs 0.1–0.3 ms
/// of OpenSSL work; with the memo equal bytes are parsed once. The digest is an HMAC-SHA-256 under a key drawn when
/// the process starts, so the memo keeps neither the input nor a plain hash of it (a tls.key is among the inputs).
/// Results must be immutable and hold no key material; failures are not remembered. When full, it starts over.
/// </summary>
public sealed class ParseMemo<T> where T : class
{
    private readonly ConcurrentDictionary<ParseDigest, T> _entries = new();
    private readonly int _capacity;

    public ParseMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>How many results are remembered now.</summary>
    public int Count => _entries.Count;

    public bool TryGet(ParseDigest digest, out T value) => _entries.TryGetValue(digest, out value!);

    /// <summary>Remembers <paramref name="value"/> (or keeps the one another thread stored first) and returns it.</summary>
    public T Remember(ParseDigest digest, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_entries.Count >= _capacity)
        {
            // Rare (more distinct inputs than a cluster keeps live); dropping all is simpler than an LRU and only
            // costs one parse per input afterwards.
            _entries.Clear();
        }
        return _entries.GetOrAdd(digest, value);
    }
}

/// <summary>The 256-bit keyed digest a <see cref="ParseMemo{T}"/> entry is stored under.</summary>
public readonly record struct ParseDigest(UInt128 High, UInt128 Low)
{
    private static readonly byte[] DigestKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The digest of one input, or of two (each length-prefixed, so ("ab","c") and ("a","bc") differ).</summary>
    public static ParseDigest Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second = default)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, DigestKey);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(length, first.Length);
        hmac.AppendData(length);
        hmac.AppendData(first);
        BinaryPrimitives.WriteInt64BigEndian(length, second.Length);
        hmac.AppendData(length);
        hmac.AppendData(second);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        return new ParseDigest(MemoryMarshal.Read<UInt128>(mac), MemoryMarshal.Read<UInt128>(mac[16..]));
    }
}
