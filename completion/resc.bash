# bash completion for resc. The commands and each command's options are
# read from resc's own --help texts, so that they never disagree with it.
_resc() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion -n = || return
  else
    cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
  fi
  local resc=${words[0]}
  if ((cword == 1)); then
    local cmds
    cmds=$("$resc" --help 2>/dev/null | sed -n 's/^  \([a-z]\{1,\}\)  .*/\1/p')
    COMPREPLY=($(compgen -W "$cmds help --help --version" -- "$cur"))
    return
  fi
  local cmd=${words[1]}
  if [[ $cmd == help ]]; then
    ((cword == 2)) && COMPREPLY=($(compgen -W "$("$resc" --help 2>/dev/null |
      sed -n 's/^  \([a-z]\{1,\}\)  .*/\1/p')" -- "$cur"))
    return
  fi
  case $prev in
  -t)
    local formats="text docx fo pdf xml annotated"
    [[ $cmd == compile ]] && formats="xml text docx fo pdf"
    COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
  --view) COMPREPLY=($(compgen -W "amended original marked" -- "$cur")); return ;;
  --docx-marks | --marks) COMPREPLY=($(compgen -W "track format" -- "$cur")); return ;;
  --action) COMPREPLY=($(compgen -W "MOD (MOD) SUP SUP* NOC" -- "$cur")); return ;;
  -W) COMPREPLY=(error); return ;;
  -j | --jobs | --by | --ref) return ;;
  -d) COMPREPLY=($(compgen -d -- "$cur")); return ;;
  esac
  case $cur in
  --diagnostics=*)
    COMPREPLY=($(compgen -W "gcc json sarif" -- "${cur#--diagnostics=}")); return ;;
  --renumber=*)
    COMPREPLY=($(compgen -W "bis sequence" -- "${cur#--renumber=}")); return ;;
  -*)
    local opts
    opts=$("$resc" "$cmd" --help 2>/dev/null | grep -o -- '^  -[^ ].*' |
      grep -o -- '--\{0,1\}[a-zA-Z][a-z-]*=\{0,1\}' | sort -u)
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
    [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
    return ;;
  esac
  if [[ $cmd == import ]]; then
    COMPREPLY=($(compgen -f -X '!*.docx' -- "$cur") $(compgen -d -- "$cur"))
  else
    COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
  fi
}
complete -F _resc resc
