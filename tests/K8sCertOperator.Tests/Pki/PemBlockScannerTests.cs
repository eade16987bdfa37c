using System.Buffers;
using System.Security.Cryptography;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>The scanner's pooled buffer holds key text while it works; it goes back to the shared pool wiped.</summary>
public class PemBlockScannerTests
{
    [Fact]
    public void Key_text_does_not_stay_in_the_shared_array_pool()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var base64 = pem.Split('\n')[1].Trim();
        const int MaxDer = 3000;

        var blocks = PemBlockScanner.Scan(pem, "private key", maxBlocks: 1, maxDerBytes: MaxDer);

        Assert.Single(blocks);
        // Same thread, same size: the shared pool hands back the array the scanner just returned.
        var maxBase64Chars = ((MaxDer + 2) / 3 * 4) + 4;
        var reused = ArrayPool<char>.Shared.Rent(Math.Min(maxBase64Chars, 4096));
        try
        {
            Assert.DoesNotContain(base64[..32], new string(reused), StringComparison.Ordinal);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(reused);
        }
    }
}
