# Batch oracle over RubyGems' own Gem::Version: "a\tb" per line -> -1 | 0 | 1.
require 'rubygems'
STDIN.each_line do |line|
  a, b = line.chomp.split("\t", 2)
  begin
    unless Gem::Version.correct?(a) && Gem::Version.correct?(b) && !a.strip.empty? && !b.strip.empty?
      raise ArgumentError, 'malformed version'
    end
    puts(Gem::Version.new(a) <=> Gem::Version.new(b))
  rescue ArgumentError => e
    puts "error #{e.message}"
  end
end
