# The interface of careerbook in Canadian English: every word a reader sees
# that is not in the guidance. A project changes one message by writing it in
# themes/<theme>/i18n/en-CA.ftl; see "Languages" in the README.

language-name = English
