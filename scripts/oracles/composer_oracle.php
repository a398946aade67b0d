<?php
// Batch oracle over Composer's own composer/semver (Debian's php-composer-semver):
// "a\tb" per line -> -1 | 0 | 1, comparing the normalised versions as Composer sorts them;
// with the argument `normalize`, "=" and the normalised form of a.
require_once '/usr/share/php/Composer/Semver/autoload.php';
$parser = new Composer\Semver\VersionParser();
$normalizeOnly = ($argv[1] ?? '') === 'normalize';
while (($line = fgets(STDIN)) !== false) {
    $line = rtrim($line, "\n");
    if ($line === '') continue;
    [$a, $b] = explode("\t", $line, 2);
    try {
        $na = $parser->normalize($a);
        if ($normalizeOnly) {
            echo '=', $na, "\n";
            continue;
        }
        $nb = $parser->normalize($b);
        if (str_starts_with($na, 'dev-') || str_starts_with($nb, 'dev-')) throw new Exception('branch');
        echo version_compare($na, $nb), "\n";
    } catch (Throwable $e) {
        echo 'error ', str_replace("\n", ' ', $e->getMessage()), "\n";
    }
}
