# L’interface de careerbook en français canadien : tout ce que lit une
# personne en dehors du guide. Un projet change un message en l’écrivant dans
# themes/<thème>/i18n/fr-CA.ftl (voir « Languages » dans le README).

language-name = Français
