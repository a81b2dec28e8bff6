for u in "$@"; do if grep -qF "$u" /work/briefs/used_urls10.txt; then echo "USED $u"; else echo "FREE $u"; fi; done
